package nl.weerbaar.matching.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.matching.BatchPreview;
import nl.weerbaar.matching.DeclineReason;
import nl.weerbaar.matching.Matching;
import nl.weerbaar.matching.Suggestions;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Matching pages: a request's suggestions with "why not this supporter?", the coordinators' overview with the batch
 * after a mass incident, and a supporter's own proposals.
 */
@Controller
class MatchingController {

	private final Matching matching;
	private final Intake intake;
	private final Bodies bodies;
	private final MessageSource messages;

	MatchingController(Matching matching, Intake intake, Bodies bodies, MessageSource messages) {
		this.matching = matching;
		this.intake = intake;
		this.bodies = bodies;
		this.messages = messages;
	}

	@GetMapping("/requests/{id}/matching")
	String request(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		return requestPage(id, me, model);
	}

	/** htmx (or a plain GET): why this supporter is or is not eligible. */
	@GetMapping("/requests/{id}/matching/why")
	String why(@PathVariable UUID id, @RequestParam(required = false) UUID supporter,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		Suggestions suggestions = matching.suggestions(id, coordinator(me)).orElseThrow(MatchingController::notFound);
		model.addAttribute("eligible", suggestions.suggestions().stream().filter(s -> s.supporterId().equals(supporter)).findFirst().orElse(null));
		model.addAttribute("excluded", suggestions.excluded().stream().filter(s -> s.supporterId().equals(supporter)).findFirst().orElse(null));
		return "matching/request :: why";
	}

	@PostMapping("/requests/{id}/matching/proposals")
	String propose(@PathVariable UUID id, @RequestParam(required = false) UUID supporterId,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		try {
			matching.propose(id, supporterId, coordinator(me)).orElseThrow(MatchingController::notFound);
			return "redirect:/requests/" + id + "/matching#proposals";
		}
		catch (Refused refused) {
			model.addAttribute("refusal", refused.violations().stream()
				.map(v -> messages.getMessage(v.code(), null, v.code(), LocaleContextHolder.getLocale()))
				.toList());
			return requestPage(id, me, model);
		}
	}

	@GetMapping("/matching")
	String overview(@RequestParam(required = false) String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("attention", matching.needingAttention(coordinator(me)));
		model.addAttribute("waiting", waiting(province, receivedOn, me));
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("province", province);
		model.addAttribute("receivedOn", receivedOn);
		return "matching/overview";
	}

	@PostMapping("/matching/batch/preview")
	String preview(@RequestParam(required = false) List<UUID> requestIds, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		try {
			model.addAttribute("preview", matching.preview(requestIds, coordinator(me)));
			return "matching/batch";
		}
		catch (Refused refused) {
			return "redirect:/matching?empty";
		}
	}

	@PostMapping("/matching/batch/commit")
	String commit(@RequestParam(required = false) List<String> picks, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<BatchPreview.Assignment> chosen = new ArrayList<>();
		for (String pick : picks == null ? List.<String>of() : picks) {
			String[] parts = pick.split(":");
			if (parts.length == 2) {
				try {
					chosen.add(new BatchPreview.Assignment(UUID.fromString(parts[0]), null, null, UUID.fromString(parts[1]), null, 0));
				}
				catch (IllegalArgumentException notAnId) {
					// a changed form: left out
				}
			}
		}
		model.addAttribute("result", matching.commit(chosen, coordinator(me)));
		return "matching/batch-done";
	}

	@GetMapping("/proposals")
	String proposals(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("proposals", matching.mine(supporter(me)));
		model.addAttribute("reasons", DeclineReason.values());
		return "matching/proposals";
	}

	@PostMapping("/proposals/{id}/acceptance")
	String accept(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		try {
			matching.accept(id, supporter(me)).orElseThrow(MatchingController::notFound);
			return "redirect:/proposals?accepted";
		}
		catch (Refused refused) {
			return "redirect:/proposals?answered";
		}
	}

	@PostMapping("/proposals/{id}/decline")
	String decline(@PathVariable UUID id, @RequestParam(required = false) DeclineReason reason,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (reason == null) {
			model.addAttribute("reasonMissing", id);
			return proposals(me, model);
		}
		try {
			matching.decline(id, reason, supporter(me)).orElseThrow(MatchingController::notFound);
			return "redirect:/proposals?declined";
		}
		catch (Refused refused) {
			return "redirect:/proposals?answered";
		}
	}

	private String requestPage(UUID id, AccountPrincipal me, Model model) {
		Suggestions suggestions = matching.suggestions(id, coordinator(me)).orElseThrow(MatchingController::notFound);
		SupportRequestView request = intake.find(id, coordinator(me)).orElseThrow(MatchingController::notFound);
		model.addAttribute("request", request);
		model.addAttribute("suggestions", suggestions.suggestions().stream().limit(10).toList());
		model.addAttribute("everyone", everyone(suggestions));
		model.addAttribute("proposals", matching.ofRequest(id, coordinator(me)));
		model.addAttribute("mayPropose", request.status() == RequestStatus.TRIAGED || request.status() == RequestStatus.MATCHING);
		return "matching/request";
	}

	/** Everyone, by name, for the "why not?" choice. */
	private static List<Suggestions.Excluded> everyone(Suggestions suggestions) {
		List<Suggestions.Excluded> all = new ArrayList<>(suggestions.excluded());
		suggestions.suggestions().forEach(s -> all.add(new Suggestions.Excluded(s.supporterId(), s.name(), s.kind(), List.of())));
		all.sort(java.util.Comparator.comparing(Suggestions.Excluded::name));
		return all;
	}

	/** Requests waiting for a supporter: triaged, or back in matching without a live proposal. */
	private List<Queue.Item> waiting(String province, LocalDate receivedOn, AccountPrincipal me) {
		List<Queue.Item> items = new ArrayList<>();
		for (RequestStatus status : List.of(RequestStatus.TRIAGED, RequestStatus.MATCHING)) {
			items.addAll(intake.list(new Queue.Filter(null, null, Optional.ofNullable(province).filter(p -> !p.isBlank()).orElse(null),
					status, false, receivedOn), PageRequest.of(0, 1000), coordinator(me)).getContent());
		}
		items.sort(java.util.Comparator.comparing(Queue.Item::dueAt));
		return items;
	}

	private static Actor coordinator(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR);
	}

	private static Actor supporter(AccountPrincipal me) {
		return me.actingAs(Role.SUPPORTER);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Not found.");
	}
}
