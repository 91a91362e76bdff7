package nl.weerbaar.security.web;

import jakarta.validation.constraints.Size;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.NotificationAddresses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: where they hear about its security, and the way to its other settings. */
@Controller
class AccountPageController {

	private final NotificationAddresses addresses;

	AccountPageController(NotificationAddresses addresses) {
		this.addresses = addresses;
	}

	record NotificationForm(@Size(max = 254) String notificationEmail) {
	}

	@GetMapping("/account")
	String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", new NotificationForm(addresses.of(me.id()).orElse("")));
		return "security/account";
	}

	@PostMapping("/account/notification-email")
	String save(@AuthenticationPrincipal AccountPrincipal me, @Validated @ModelAttribute("form") NotificationForm form,
			BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				addresses.set(me.id(), form.notificationEmail(), me.id());
			}
			catch (AccountRefused refused) {
				errors.rejectValue("notificationEmail", refused.messageKey());
			}
		}
		if (errors.hasErrors()) {
			return "security/account";
		}
		redirect.addFlashAttribute("notice", "account.notificationEmail.saved");
		return "redirect:/account";
	}
}
