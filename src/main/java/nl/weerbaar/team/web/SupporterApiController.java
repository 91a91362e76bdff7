package nl.weerbaar.team.web;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.SupporterView;
import nl.weerbaar.team.Team;
import nl.weerbaar.team.Team.SupporterQuery;
import nl.weerbaar.web.NavigationItem;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/supporters")
@Tag(name = "Supporters", description = "The support team: confidants, experts and peers")
class SupporterApiController {

	private final Team team;

	SupporterApiController(Team team) {
		this.team = team;
	}

	@PostMapping
	@Operation(summary = "Register a supporter")
	ResponseEntity<SupporterView> register(@RequestBody SupporterData data, @AuthenticationPrincipal AccountPrincipal me) {
		SupporterView created = team.register(data, actor(me));
		return ResponseEntity.created(URI.create("/api/v1/supporters/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "The supporter directory, filtered by name, kind, expertise, province, function held, active; "
			+ "a supporter gets active colleagues as cards (name, kind, organisation, languages, province), filtered by name, "
			+ "kind and province only")
	PagedModel<?> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) SupporterKind kind, @RequestParam(required = false) Expertise expertise,
			@RequestParam(required = false) String provinceCode, @RequestParam(required = false) OfficeFunction function,
			@RequestParam(required = false) Boolean active, @ParameterObject @PageableDefault(size = 20) Pageable pageable,
			@AuthenticationPrincipal AccountPrincipal me) {
		SupporterQuery query = new SupporterQuery(q, kind, expertise, provinceCode, function, active);
		return seesCards(me) ? new PagedModel<>(team.directory(query, pageable)) : new PagedModel<>(team.search(query, pageable));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import supporters from CSV (see SupporterCsv for the columns): all or nothing, idempotent")
	nl.weerbaar.registry.OfficeHolderImport.Result importCsv(@RequestBody String csv, @AuthenticationPrincipal AccountPrincipal me)
			throws java.io.IOException {
		char separator = csv.lines().findFirst().filter(header -> header.contains(";")).isPresent() ? ';' : ',';
		return team.importSupporters(SupporterCsv.parse(new java.io.StringReader(csv), separator), actor(me));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One supporter with contact details (the read is audited); for a supporter an active colleague's card")
	Object get(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		Optional<?> found = seesCards(me) ? team.card(id) : team.find(id, actor(me));
		return found.orElseThrow(SupporterApiController::notFound);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a supporter's details")
	SupporterView update(@PathVariable UUID id, @RequestBody SupporterData data, @AuthenticationPrincipal AccountPrincipal me) {
		return team.update(id, data, actor(me)).orElseThrow(SupporterApiController::notFound);
	}

	/** Supporters act here only as readers of the directory. */
	static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.ADMIN, Role.SUPPORTER);
	}

	/** A supporter who is not also a coordinator or administrator sees colleagues as cards (least data). */
	static boolean seesCards(AccountPrincipal me) {
		return Role.SUPPORTER.name().equals(actor(me).role());
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such supporter.");
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		PathAuthorizations teamPaths() {
			return paths -> paths
				.requestMatchers("/supporters/new", "/supporters/*/edit")
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/api/v1/supporters", "/api/v1/supporters/**", "/supporters", "/supporters/**")
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.SUPPORTER.name())
				.requestMatchers("/api/v1/supporters", "/api/v1/supporters/**", "/supporters", "/supporters/**")
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name());
		}

		@Bean
		NavigationItem supportersNavigation() {
			return new NavigationItem("/supporters", "nav.supporters", "nav.supporters.description", 60,
					Set.of(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.SUPPORTER.name()));
		}
	}
}
