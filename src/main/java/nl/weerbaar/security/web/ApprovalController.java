package nl.weerbaar.security.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountManagement.Approved;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.ApprovalAction;
import nl.weerbaar.security.internal.SetupLinkDelivery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The second administrator's side of account recovery (ASVS V2.3.5, V6.4.4): requests another administrator made,
 * approved or rejected here, with step-up (every POST under {@code /admin}). And ending everyone's sessions (V7.4.5).
 */
@Controller
class ApprovalController {

	private final AccountManagement accounts;
	private final SetupLinkDelivery delivery;

	ApprovalController(AccountManagement accounts, SetupLinkDelivery delivery) {
		this.accounts = accounts;
		this.delivery = delivery;
	}

	@GetMapping("/admin/approvals")
	String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("approvals", accounts.pendingApprovals(null, me.id()));
		return "security/approvals";
	}

	/**
	 * Approves and so carries out the request. An approved set-up link goes to its owner's notification address
	 * when there is one (no administrator sees it); otherwise it is shown to this, the second, administrator once.
	 */
	@PostMapping("/admin/approvals/{request}/approval")
	String approve(@PathVariable UUID request, @AuthenticationPrincipal AccountPrincipal me, Model model,
			RedirectAttributes redirect) {
		Approved approved;
		try {
			approved = accounts.approve(request, me.id());
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
			return "redirect:/admin/approvals";
		}
		if (approved.action() == ApprovalAction.SETUP_LINK) {
			if (delivery.send(approved.account().id(), approved.setupToken())) {
				redirect.addFlashAttribute("notice", "approval.setupLinkMailed");
				return "redirect:/admin/approvals";
			}
			model.addAttribute("account", approved.account());
			model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/account/setup")
				.queryParam("token", approved.setupToken())
				.toUriString());
			return "security/setup-link";
		}
		redirect.addFlashAttribute("notice", "approval.approved." + approved.action());
		return "redirect:/admin/approvals";
	}

	@PostMapping("/admin/approvals/{request}/rejection")
	String reject(@PathVariable UUID request, @AuthenticationPrincipal AccountPrincipal me,
			RedirectAttributes redirect) {
		try {
			accounts.reject(request, me.id());
			redirect.addFlashAttribute("notice", "approval.rejected");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/admin/approvals";
	}

	/** Ends every session but this administrator's own: everyone signs in again. */
	@PostMapping("/admin/sessions/end-all")
	String endEveryonesSessions(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		accounts.endEveryonesSessions(session == null ? null : session.getId(), me.id());
		redirect.addFlashAttribute("notice", "sessions.allEnded");
		return "redirect:/admin/accounts";
	}
}
