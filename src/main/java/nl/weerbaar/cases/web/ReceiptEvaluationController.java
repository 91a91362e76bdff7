package nl.weerbaar.cases.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.cases.CaseData;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.intake.ReceiptHolder;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.web.FormErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The evaluation for someone who asked through the public form: after a correct receipt code on this device
 * ({@link ReceiptHolder}), once their case is closed. Without an account there is no e-mail; the receipt page invites.
 */
@Controller
class ReceiptEvaluationController {

	private final Cases cases;

	ReceiptEvaluationController(Cases cases) {
		this.cases = cases;
	}

	record EvaluationForm(Integer satisfaction, Boolean wouldRecommend, String comment) {
	}

	@GetMapping("/hulp/evaluatie")
	String form(HttpSession session, HttpServletResponse response, Model model) {
		Optional<UUID> request = ReceiptHolder.request(session);
		Optional<Cases.ReceiptEvaluation> evaluation = request.flatMap(cases::receiptEvaluation);
		if (evaluation.isEmpty()) {
			return "redirect:/hulp/status";
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("evaluation", evaluation.get());
		model.addAttribute("evaluationForm", new EvaluationForm(null, null, null));
		return "cases/receipt-evaluation";
	}

	@PostMapping("/hulp/evaluatie")
	String evaluate(@ModelAttribute("evaluationForm") EvaluationForm form, BindingResult errors, HttpSession session,
			HttpServletResponse response, Model model) {
		Optional<UUID> request = ReceiptHolder.request(session);
		Optional<Cases.ReceiptEvaluation> evaluation = request.flatMap(cases::receiptEvaluation);
		if (evaluation.isEmpty()) {
			return "redirect:/hulp/status";
		}
		if (!errors.hasErrors()) {
			try {
				cases.evaluateWithReceipt(request.get(), new CaseData.Evaluation(form.satisfaction(), form.wouldRecommend(), form.comment()));
				return "redirect:/hulp/evaluatie";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("evaluation", evaluation.get());
		return "cases/receipt-evaluation";
	}
}
