package nl.weerbaar.intake.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.intake.Answer;
import nl.weerbaar.intake.Channel;
import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.ContactPreference;
import nl.weerbaar.intake.IncidentChannel;
import nl.weerbaar.intake.IncidentData;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.OnBehalf;
import nl.weerbaar.intake.OnBehalfRole;
import nl.weerbaar.intake.Perpetrator;
import nl.weerbaar.intake.PoliceReport;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.SupportRequestData;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.intake.TriageData;
import nl.weerbaar.intake.WarningBehaviour;
import nl.weerbaar.intake.Wishes;
import nl.weerbaar.intake.internal.RequestStore;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.OfficeHolderQuery;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.team.Gender;
import nl.weerbaar.web.FormErrors;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The coordinators' pages: the queue, taking a request in (a phone call), and one request with its triage. */
@Controller
class RequestController {

	private final Intake intake;
	private final Registry registry;
	private final Bodies bodies;
	private final RequestStore store;

	RequestController(Intake intake, Registry registry, Bodies bodies, RequestStore store) {
		this.intake = intake;
		this.registry = registry;
		this.bodies = bodies;
		this.store = store;
	}

	record RequestForm(UUID subjectId, String pseudonym, OfficeFunction function, String bodyCode, Channel channel,
			String onBehalfName, OnBehalfRole onBehalfRole, String onBehalfRoleDescription, String summary,
			Boolean notSameParty, Gender supporterGender, String language, ContactPreference contactVia, String wishNote,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime occurredAt, IncidentKind kind,
			IncidentChannel incidentChannel, Perpetrator perpetrator, PoliceReport policeReport, Boolean homeFrontInvolved,
			String description) {

		static RequestForm empty(UUID subjectId) {
			return new RequestForm(subjectId, null, null, null, Channel.PHONE, null, null, null, null, false, null, null, null,
					null, null, null, null, null, Perpetrator.UNKNOWN, PoliceReport.UNKNOWN, false, null);
		}

		SupportRequestData data() {
			OnBehalf onBehalf = channel == Channel.ON_BEHALF || onBehalfRole != null || !blank(onBehalfName)
					? new OnBehalf(onBehalfName, onBehalfRole, onBehalfRoleDescription) : null;
			return new SupportRequestData(subjectId, pseudonym, function, bodyCode, channel, summary,
					new Wishes(Boolean.TRUE.equals(notSameParty), supporterGender, blank(language) ? null : language,
							contactVia, wishNote),
					onBehalf, List.of(new IncidentData(occurredOn, occurredAt, kind, incidentChannel, perpetrator, policeReport,
							homeFrontInvolved, description)));
		}
	}

	record IncidentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime occurredAt, IncidentKind kind,
			IncidentChannel incidentChannel, Perpetrator perpetrator, PoliceReport policeReport, Boolean homeFrontInvolved,
			String description) {

		static IncidentForm empty() {
			return new IncidentForm(null, null, null, null, Perpetrator.UNKNOWN, PoliceReport.UNKNOWN, false, null);
		}

		IncidentData data() {
			return new IncidentData(occurredOn, occurredAt, kind, incidentChannel, perpetrator, policeReport, homeFrontInvolved,
					description);
		}
	}

	/** The eight answers and their evidence as form fields named after the behaviour. */
	record TriageForm(Answer PATHWAY, Answer FIXATION, Answer IDENTIFICATION, Answer NOVEL_AGGRESSION, Answer ENERGY_BURST,
			Answer LEAKAGE, Answer DIRECTLY_COMMUNICATED_THREAT, Answer LAST_RESORT, String evidencePATHWAY,
			String evidenceFIXATION, String evidenceIDENTIFICATION, String evidenceNOVEL_AGGRESSION,
			String evidenceENERGY_BURST, String evidenceLEAKAGE, String evidenceDIRECTLY_COMMUNICATED_THREAT,
			String evidenceLAST_RESORT, ConcernLevel concernLevel, String acuteActions) {

		static TriageForm of(SupportRequestView view) {
			Map<WarningBehaviour, Answer> a = view.warningBehaviours();
			Map<WarningBehaviour, String> e = view.evidence();
			return new TriageForm(get(a, WarningBehaviour.PATHWAY), get(a, WarningBehaviour.FIXATION),
					get(a, WarningBehaviour.IDENTIFICATION), get(a, WarningBehaviour.NOVEL_AGGRESSION),
					get(a, WarningBehaviour.ENERGY_BURST), get(a, WarningBehaviour.LEAKAGE),
					get(a, WarningBehaviour.DIRECTLY_COMMUNICATED_THREAT), get(a, WarningBehaviour.LAST_RESORT),
					e.get(WarningBehaviour.PATHWAY), e.get(WarningBehaviour.FIXATION), e.get(WarningBehaviour.IDENTIFICATION),
					e.get(WarningBehaviour.NOVEL_AGGRESSION), e.get(WarningBehaviour.ENERGY_BURST), e.get(WarningBehaviour.LEAKAGE),
					e.get(WarningBehaviour.DIRECTLY_COMMUNICATED_THREAT), e.get(WarningBehaviour.LAST_RESORT),
					view.concernLevel(), view.escalation() == null ? null : view.escalation().actionsTaken());
		}

		private static Answer get(Map<WarningBehaviour, Answer> answers, WarningBehaviour behaviour) {
			return answers.getOrDefault(behaviour, Answer.UNKNOWN);
		}

		Map<WarningBehaviour, Answer> answers() {
			Answer[] values = { PATHWAY, FIXATION, IDENTIFICATION, NOVEL_AGGRESSION, ENERGY_BURST, LEAKAGE,
					DIRECTLY_COMMUNICATED_THREAT, LAST_RESORT };
			Map<WarningBehaviour, Answer> answers = new EnumMap<>(WarningBehaviour.class);
			for (WarningBehaviour behaviour : WarningBehaviour.values()) {
				answers.put(behaviour, values[behaviour.ordinal()] == null ? Answer.UNKNOWN : values[behaviour.ordinal()]);
			}
			return answers;
		}

		Map<WarningBehaviour, String> evidence() {
			String[] values = { evidencePATHWAY, evidenceFIXATION, evidenceIDENTIFICATION, evidenceNOVEL_AGGRESSION,
					evidenceENERGY_BURST, evidenceLEAKAGE, evidenceDIRECTLY_COMMUNICATED_THREAT, evidenceLAST_RESORT };
			Map<WarningBehaviour, String> evidence = new EnumMap<>(WarningBehaviour.class);
			for (WarningBehaviour behaviour : WarningBehaviour.values()) {
				evidence.put(behaviour, values[behaviour.ordinal()]);
			}
			return evidence;
		}
	}

	record StatusForm(RequestStatus status, String reason) {
	}

	record MessageForm(String message) {
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("levels", ConcernLevel.values());
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("functions", OfficeFunction.values());
		model.addAttribute("channels", List.of(Channel.PHONE, Channel.EMAIL, Channel.ON_BEHALF, Channel.WEB));
		model.addAttribute("onBehalfRoles", OnBehalfRole.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("contactPreferences", ContactPreference.values());
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("incidentChannels", IncidentChannel.values());
		model.addAttribute("perpetrators", Perpetrator.values());
		model.addAttribute("policeReports", PoliceReport.values());
		model.addAttribute("behaviours", WarningBehaviour.values());
		model.addAttribute("answers", Answer.values());
	}

	@GetMapping("/requests")
	String queue(@RequestParam(required = false) ConcernLevel level, @RequestParam(required = false) OfficeFunction function,
			@RequestParam(required = false) String province, @RequestParam(required = false) RequestStatus status,
			@RequestParam(defaultValue = "false") boolean overdue, @PageableDefault(size = 50) Pageable pageable,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		Queue.Filter filter = new Queue.Filter(level, function, province, status, overdue);
		model.addAttribute("page", intake.list(filter, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), actor(me)));
		model.addAttribute("counts", intake.counts(filter));
		model.addAttribute("provinces", bodies.provinces());
		model.addAttribute("level", level);
		model.addAttribute("function", function);
		model.addAttribute("province", province);
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		return htmx != null ? "intake/queue :: queue" : "intake/queue";
	}

	@GetMapping("/requests/new")
	String newForm(@RequestParam(required = false) UUID subject, Model model, @AuthenticationPrincipal AccountPrincipal me) {
		model.addAttribute("form", RequestForm.empty(subject));
		return newPage(model, subject, me);
	}

	/** htmx: office holders whose name matches, to pick the one the request is about. */
	@GetMapping("/requests/new/people")
	String people(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("people", q == null || q.strip().length() < 2 ? List.of()
				: registry.search(new OfficeHolderQuery(q, null, null, null), PageRequest.of(0, 10)).getContent());
		model.addAttribute("q", q);
		return "intake/request-new :: people";
	}

	@PostMapping("/requests")
	String submit(@ModelAttribute("form") RequestForm form, BindingResult errors, @AuthenticationPrincipal AccountPrincipal me,
			Model model) {
		if (!errors.hasErrors()) {
			try {
				SupportRequestView created = intake.submit(form.data(), actor(me));
				return "redirect:/requests/" + created.id();
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, RequestController::formField);
			}
		}
		return newPage(model, form.subjectId(), me);
	}

	@GetMapping("/requests/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = find(id, me);
		model.addAttribute("triageForm", TriageForm.of(request));
		return detailPage(model, request);
	}

	@PostMapping("/requests/{id}/triage")
	String triage(@PathVariable UUID id, @ModelAttribute("triageForm") TriageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = find(id, me);
		if (!errors.hasErrors()) {
			try {
				intake.triage(id, new TriageData(form.answers(), form.evidence(), form.concernLevel(), form.acuteActions()), actor(me))
					.orElseThrow(RequestController::notFound);
				return "redirect:/requests/" + id + "#triage";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field.replace("evidence.", "evidence"));
			}
		}
		return detailPage(model, request);
	}

	/** htmx: what the rules suggest for the answers as they are in the form now (nothing is saved). */
	@PostMapping("/requests/{id}/suggestion")
	String suggestion(@PathVariable UUID id, @ModelAttribute("triageForm") TriageForm form,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		find(id, me);
		model.addAttribute("suggestion", store.suggestion(intake.suggest(id, form.answers())));
		return "intake/request :: suggestion";
	}

	@PostMapping("/requests/{id}/status")
	String changeStatus(@PathVariable UUID id, @ModelAttribute("statusForm") StatusForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = find(id, me);
		if (!errors.hasErrors()) {
			try {
				intake.changeStatus(id, form.status(), form.reason(), actor(me)).orElseThrow(RequestController::notFound);
				return "redirect:/requests/" + id;
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field);
			}
		}
		model.addAttribute("triageForm", TriageForm.of(request));
		return detailPage(model, request);
	}

	@PostMapping("/requests/{id}/incidents")
	String addIncident(@PathVariable UUID id, @ModelAttribute("incidentForm") IncidentForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = find(id, me);
		if (!errors.hasErrors()) {
			try {
				intake.addIncident(id, form.data(), actor(me)).orElseThrow(RequestController::notFound);
				return "redirect:/requests/" + id + "#incidents";
			}
			catch (Refused refused) {
				FormErrors.reject(errors, refused, field -> field.equals("channel") ? "incidentChannel" : field);
			}
		}
		model.addAttribute("incidentOpen", true);
		model.addAttribute("triageForm", TriageForm.of(request));
		return detailPage(model, request);
	}

	@PostMapping("/requests/{id}/messages")
	String addMessage(@PathVariable UUID id, @ModelAttribute("messageForm") MessageForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		SupportRequestView request = find(id, me);
		try {
			intake.addMessage(id, form.message(), actor(me)).orElseThrow(RequestController::notFound);
			return "redirect:/requests/" + id + "#messages";
		}
		catch (Refused refused) {
			FormErrors.reject(errors, refused, field -> field);
		}
		model.addAttribute("triageForm", TriageForm.of(request));
		return detailPage(model, request);
	}

	private String detailPage(Model model, SupportRequestView request) {
		model.addAttribute("request", request);
		model.addAttribute("guidance", store.escalationGuidance());
		if (!model.containsAttribute("statusForm")) {
			model.addAttribute("statusForm", new StatusForm(null, null));
		}
		if (!model.containsAttribute("incidentForm")) {
			model.addAttribute("incidentForm", IncidentForm.empty());
		}
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm(null));
		}
		return "intake/request";
	}

	private String newPage(Model model, UUID subject, AccountPrincipal me) {
		model.addAttribute("subject", subject == null ? null : registry.concerned(subject, actor(me)).orElse(null));
		return "intake/request-new";
	}

	private SupportRequestView find(UUID id, AccountPrincipal me) {
		return intake.find(id, actor(me)).orElseThrow(RequestController::notFound);
	}

	private static String formField(String field) {
		return switch (field) {
			case "incidents[0].channel" -> "incidentChannel";
			case "onBehalf.name" -> "onBehalfName";
			case "onBehalf.role" -> "onBehalfRole";
			case "onBehalf.roleDescription", "onBehalf" -> "onBehalfRoleDescription";
			case "wishes.language" -> "language";
			case "wishes.note" -> "wishNote";
			case "incidents" -> "kind";
			default -> field.replaceFirst("^incidents\\[0]\\.", "");
		};
	}

	private static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such support request.");
	}
}
