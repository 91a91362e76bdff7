package nl.weerbaar.cases.web;

import java.util.UUID;

import nl.weerbaar.cases.CaseData;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.cases.ClientCaseView;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The client's own support: who supports them and how to reach them, next steps, referrals, messages, evaluation. */
@Controller
class MyCaseController {

	private final Cases cases;
	private final Intake intake;

	MyCaseController(Cases cases, Intake intake) {
		this.cases = cases;
		this.intake = intake;
	}

	record EvaluationForm(Integer satisfaction, Boolean wouldRecommend, String comment) {
	}

	record MessageForm(String message) {
	}

	@GetMapping("/my/cases")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("cases", cases.list(null, actor(me)));
		return "cases/my-cases";
	}

	@GetMapping("/my/cases/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return page(model, find(id, me), me);
	}

	@PostMapping("/my/cases/{id}/evaluation")
	String evaluate(@PathVariable UUID id, @ModelAttribute("evaluationForm") EvaluationForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		ClientCaseView view = find(id, me);
		if (!errors.hasErrors()) {
			try {
				cases.evaluate(id, new CaseData.Evaluation(form.satisfaction(), form.wouldRecommend(), form.comment()), actor(me))
					.orElseThrow(CaseController::notFound);
				return "redirect:/my/cases/" + id + "#evaluation";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		return page(model, view, me);
	}

	@PostMapping("/my/cases/{id}/messages")
	String message(@PathVariable UUID id, @ModelAttribute("messageForm") MessageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		ClientCaseView view = find(id, me);
		try {
			intake.addMessage(view.supportRequestId(), form.message(), actor(me)).orElseThrow(CaseController::notFound);
			return "redirect:/my/cases/" + id + "#messages";
		}
		catch (Refused refused) {
			FormErrors.reject(errors, refused, field -> field);
		}
		return page(model, view, me);
	}

	private String page(Model model, ClientCaseView view, AccountPrincipal me) {
		model.addAttribute("c", view);
		model.addAttribute("request", intake.find(view.supportRequestId(), actor(me)).orElseThrow(CaseController::notFound));
		if (!model.containsAttribute("evaluationForm")) {
			model.addAttribute("evaluationForm", new EvaluationForm(null, null, null));
		}
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm(null));
		}
		model.addAttribute("open", view.status() == CaseStatus.OPEN);
		return "cases/my-case";
	}

	private ClientCaseView find(UUID id, AccountPrincipal me) {
		return cases.clientView(id, actor(me)).orElseThrow(CaseController::notFound);
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.CLIENT);
	}
}
