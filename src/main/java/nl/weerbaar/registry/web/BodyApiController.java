package nl.weerbaar.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.Body;
import nl.weerbaar.registry.BodyKind;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/bodies")
@Tag(name = "Bodies", description = "Municipalities, provinces and water boards (reference data)")
class BodyApiController {

	private final Bodies bodies;

	BodyApiController(Bodies bodies) {
		this.bodies = bodies;
	}

	@GetMapping
	@Operation(summary = "List bodies by name, optionally filtered by kind, province and part of the name or code")
	PagedModel<Body> list(@RequestParam(required = false) BodyKind kind,
			@Parameter(description = "CBS province code, e.g. PV27") @RequestParam(name = "province", required = false) String province,
			@Parameter(description = "Alias of province") @RequestParam(name = "provinceCode", required = false) String provinceCode,
			@RequestParam(required = false) String q,
			@ParameterObject @PageableDefault(size = 20) Pageable pageable) {
		return new PagedModel<>(bodies.find(kind, province != null ? province : provinceCode, q, pageable));
	}

	@GetMapping("/{code}")
	@Operation(summary = "One body by its code")
	Body get(@PathVariable String code) {
		return bodies.byCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No body with this code."));
	}
}
