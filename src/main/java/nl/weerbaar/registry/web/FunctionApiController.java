package nl.weerbaar.registry.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.FunctionAssociation;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/functions")
@Tag(name = "Functions", description = "Political functions and the association each belongs to (reference data)")
class FunctionApiController {

	private final Registry registry;

	FunctionApiController(Registry registry) {
		this.registry = registry;
	}

	record AssociationChange(String associationCode) {
	}

	@GetMapping
	@Operation(summary = "Every function with its association")
	List<FunctionAssociation> list() {
		return registry.associations();
	}

	@PutMapping("/{function}")
	@Operation(summary = "Change a function's association (administrators)")
	FunctionAssociation change(@PathVariable OfficeFunction function, @RequestBody AssociationChange change,
			@AuthenticationPrincipal AccountPrincipal me) {
		return registry.changeAssociation(function, change.associationCode(), me.actingAs(Role.ADMIN));
	}
}
