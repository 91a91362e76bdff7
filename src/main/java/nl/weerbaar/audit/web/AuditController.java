package nl.weerbaar.audit.web;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import nl.weerbaar.security.StepUpPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.audit.AuditQuery;
import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The administrator's view of the audit trail: search, verify, export. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	/** The search form; the actor is an account id (the trail holds ids, never names). */
	record AuditFilter(UUID actor, String objectType, String objectId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

		AuditQuery query() {
			return new AuditQuery(actor, objectType, objectId, from, to);
		}

		String queryString() {
			StringBuilder query = new StringBuilder();
			append(query, "actor", actor);
			append(query, "objectType", objectType);
			append(query, "objectId", objectId);
			append(query, "from", from);
			append(query, "to", to);
			return query.toString();
		}

		private static void append(StringBuilder query, String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
					.append(java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
			}
		}
	}

	@GetMapping
	String search(@ModelAttribute("filter") AuditFilter filter, BindingResult errors,
			@PageableDefault(size = 50) Pageable pageable, Model model) {
		if (errors.hasErrors()) {
			model.addAttribute("page", org.springframework.data.domain.Page.empty(pageable));
			return "audit/audit";
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			errors.rejectValue("to", "audit.period.reversed");
		}
		model.addAttribute("page", trail.search(filter.query(), pageable));
		model.addAttribute("query", filter.queryString());
		return "audit/audit";
	}

	@PostMapping("/verification")
	String verify(Model model) {
		model.addAttribute("verification", trail.verify());
		model.addAttribute("filter", new AuditFilter(null, null, null, null, null));
		model.addAttribute("page", trail.search(AuditQuery.all(), Pageable.ofSize(50)));
		return "audit/audit";
	}

	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") AuditFilter filter, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		trail.append(AuditEntry.allowed(me.id().value(), Role.ADMIN.name(), "EXPORT", "AUDIT_TRAIL", null));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"weerbaar-audit-" + LocalDate.now() + ".csv\"");
		trail.exportCsv(filter.query(), response.getWriter());
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		PathAuthorizations auditPaths() {
			return paths -> paths.requestMatchers("/admin/audit", "/admin/audit/**").hasRole(Role.ADMIN.name());
		}

		/** The audit trail leaves Weerbaar only after step-up. */
		@Bean
		StepUpPaths auditExportStepUp() {
			return () -> PathPatternRequestMatcher.withDefaults().matcher("/admin/audit/export.csv");
		}

		@Bean
		NavigationItem auditNavigation() {
			return new NavigationItem("/admin/audit", "nav.audit", "nav.audit.description", 95, Set.of(Role.ADMIN.name()));
		}
	}
}
