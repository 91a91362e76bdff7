package nl.weerbaar.team.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.RegistryRefused;
import nl.weerbaar.web.FormErrors;
import nl.weerbaar.registry.Term;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.Gender;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterView;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.Team;
import nl.weerbaar.team.Team.SupporterQuery;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supporter directory and a supporter's page (the read of contact details is audited); a supporter sees colleagues
 * as cards.
 */
@Controller
class SupporterController {

	private final Team team;
	private final Bodies bodies;

	SupporterController(Team team, Bodies bodies) {
		this.team = team;
		this.bodies = bodies;
	}

	@GetMapping("/supporters")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) SupporterKind kind,
			@RequestParam(required = false) Expertise expertise, @RequestParam(required = false) String province,
			@PageableDefault(size = 25) Pageable pageable, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupporterQuery query = new SupporterQuery(q, kind, expertise, province, null, null);
		boolean cards = SupporterApiController.seesCards(me);
		model.addAttribute("page", cards ? team.directory(query, pageable) : team.search(query, pageable));
		model.addAttribute("full", !cards);
		model.addAttribute("kinds", SupporterKind.values());
		model.addAttribute("expertises", Expertise.values());
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("expertise", expertise);
		model.addAttribute("province", province);
		return htmx != null ? "team/supporters :: results" : "team/supporters";
	}

	/** The supporter form; one function held can be added at a time (a peer needs at least one). */
	record SupporterForm(String name, SupporterKind kind, String organisation, String provinceCode, Integer capacity,
			boolean active, Set<Expertise> expertise, String languages, String email, String phone, Gender gender,
			String party, OfficeFunction function, String bodyCode,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end) {

		static SupporterForm empty() {
			return new SupporterForm(null, null, null, null, 2, true, Set.of(), "nl", null, null, null, null, null, null, null, null);
		}

		static SupporterForm of(SupporterView view) {
			return new SupporterForm(view.name(), view.kind(), view.organisation(), view.provinceCode(), view.capacity(),
					view.active(), view.expertise(), String.join(", ", view.languages()), view.email(), view.phone(),
					view.gender(), view.party(), null, null, null, null);
		}

		SupporterData data(List<Term> held, SupporterView existing) {
			List<Term> terms = new ArrayList<>(held);
			if (function != null || (bodyCode != null && !bodyCode.isBlank()) || start != null) {
				terms.add(0, new Term(function, bodyCode == null ? null : bodyCode.strip().toUpperCase(Locale.ROOT), start, end));
			}
			Set<String> codes = languages == null ? Set.of() : Arrays.stream(languages.split("[,\\s]+"))
				.map(String::strip).filter(code -> !code.isEmpty()).map(code -> code.toLowerCase(Locale.ROOT))
				.collect(Collectors.toCollection(LinkedHashSet::new));
			return new SupporterData(name, email, phone, party, terms, kind, organisation, expertise == null ? Set.of() : expertise,
					codes, provinceCode, capacity == null ? -1 : capacity, active, gender,
					existing == null ? List.of() : existing.absences(), existing == null ? List.of() : existing.trainings(),
					existing == null ? null : existing.externalId(), existing == null ? null : existing.accountId());
		}
	}

	@GetMapping("/supporters/new")
	String newForm(Model model) {
		model.addAttribute("form", SupporterForm.empty());
		return form(model, null);
	}

	@PostMapping("/supporters")
	String register(@ModelAttribute("form") SupporterForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (errors.hasErrors()) {
			return form(model, null);
		}
		try {
			return "redirect:/supporters/" + team.register(form.data(List.of(), null), SupporterApiController.actor(me)).id();
		}
		catch (RegistryRefused refused) {
			reject(errors, refused);
			return form(model, null);
		}
	}

	@GetMapping("/supporters/{id}/edit")
	String editForm(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupporterView supporter = find(id, me);
		model.addAttribute("form", SupporterForm.of(supporter));
		return form(model, supporter);
	}

	@PostMapping("/supporters/{id}")
	String update(@PathVariable UUID id, @ModelAttribute("form") SupporterForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupporterView supporter = find(id, me);
		if (errors.hasErrors()) {
			return form(model, supporter);
		}
		try {
			team.update(id, form.data(supporter.terms(), supporter), SupporterApiController.actor(me));
			return "redirect:/supporters/" + id;
		}
		catch (RegistryRefused refused) {
			reject(errors, refused);
			return form(model, supporter);
		}
	}

	private String form(Model model, SupporterView supporter) {
		model.addAttribute("supporter", supporter);
		model.addAttribute("kinds", SupporterKind.values());
		model.addAttribute("expertises", Expertise.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("functions", OfficeFunction.values());
		model.addAttribute("provinces", bodies.provinces());
		return "team/supporter-form";
	}

	private SupporterView find(UUID id, AccountPrincipal me) {
		return team.find(id, SupporterApiController.actor(me)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static void reject(BindingResult errors, RegistryRefused refused) {
		FormErrors.reject(errors, refused, field -> field.replaceFirst("^terms\\[\\d+]\\.", "").replaceFirst("^terms$", "function"));
	}

	@GetMapping("/supporters/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		boolean cards = SupporterApiController.seesCards(me);
		model.addAttribute("supporter", cards ? team.card(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
				: find(id, me));
		model.addAttribute("full", !cards);
		return "team/supporter";
	}
}
