package nl.weerbaar.registry.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.OfficeHolderImport;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.HomeFrontData;
import nl.weerbaar.registry.Registry.HomeFrontView;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Registry.OfficeHolderQuery;
import nl.weerbaar.registry.Registry.OfficeHolderSummary;
import nl.weerbaar.registry.Registry.OfficeHolderView;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
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
@RequestMapping("/api/v1/office-holders")
@Tag(name = "Office holders", description = "Office holders, their terms and home front (coordinators, administrators)")
class OfficeHolderApiController {

	private final Registry registry;

	OfficeHolderApiController(Registry registry) {
		this.registry = registry;
	}

	@PostMapping
	@Operation(summary = "Register an office holder with their terms")
	ResponseEntity<OfficeHolderView> register(@RequestBody OfficeHolderData data, @AuthenticationPrincipal AccountPrincipal me) {
		OfficeHolderView created = registry.register(data, actor(me));
		return ResponseEntity.created(URI.create("/api/v1/office-holders/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "Find office holders by part of the name and by a term's function, body or province")
	PagedModel<OfficeHolderSummary> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) OfficeFunction function, @RequestParam(required = false) String bodyCode,
			@RequestParam(required = false) String provinceCode, @ParameterObject @PageableDefault(size = 20) Pageable pageable) {
		return new PagedModel<>(registry.search(new OfficeHolderQuery(q, function, bodyCode, provinceCode), pageable));
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import a griffie's CSV list (one line per term: external_id,name,email,phone,party,function,"
			+ "body_code,start,end): all lines or none; the same file twice changes nothing")
	OfficeHolderImport.Result importCsv(@RequestBody String csv, @AuthenticationPrincipal AccountPrincipal me)
			throws java.io.IOException {
		char separator = csv.lines().findFirst().filter(header -> header.contains(";")).isPresent() ? ';' : ',';
		return registry.importOfficeHolders(OfficeHolderCsv.parse(new java.io.StringReader(csv), separator), actor(me));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One office holder with contact details (the read is audited)")
	OfficeHolderView get(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return registry.find(id, actor(me)).orElseThrow(OfficeHolderApiController::notFound);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an office holder's details and terms")
	OfficeHolderView update(@PathVariable UUID id, @RequestBody OfficeHolderData data, @AuthenticationPrincipal AccountPrincipal me) {
		return registry.update(id, data, actor(me)).orElseThrow(OfficeHolderApiController::notFound);
	}

	@PostMapping("/{id}/home-front")
	@Operation(summary = "Add a member of the office holder's home front")
	ResponseEntity<HomeFrontView> addHomeFront(@PathVariable UUID id, @RequestBody HomeFrontData data,
			@AuthenticationPrincipal AccountPrincipal me) {
		HomeFrontView added = registry.addHomeFront(id, data, actor(me)).orElseThrow(OfficeHolderApiController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/office-holders/" + id + "/home-front/" + added.id())).body(added);
	}

	@GetMapping("/{id}/home-front")
	@Operation(summary = "The office holder's home front (the read is audited)")
	List<HomeFrontView> homeFront(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return registry.homeFront(id, actor(me)).orElseThrow(OfficeHolderApiController::notFound);
	}

	record AccountLink(UUID accountId) {
	}

	@PutMapping("/{id}/home-front/{memberId}/account")
	@Operation(summary = "Link a CLIENT account to a home-front member (null unlinks): with it they file and follow their own requests")
	HomeFrontView linkHomeFrontAccount(@PathVariable UUID id, @PathVariable UUID memberId, @RequestBody AccountLink link,
			@AuthenticationPrincipal AccountPrincipal me) {
		return registry.linkHomeFrontAccount(id, memberId, link.accountId(), me.actingAs(Role.COORDINATOR, Role.ADMIN))
			.orElseThrow(OfficeHolderApiController::notFound);
	}

	/** The role someone acts in on the registry: coordinator, client or administrator. */
	static Actor actor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.ADMIN, Role.CLIENT);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such office holder.");
	}
}
