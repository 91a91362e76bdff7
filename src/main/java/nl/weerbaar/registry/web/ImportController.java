package nl.weerbaar.registry.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import nl.weerbaar.registry.OfficeHolderImport;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading a griffie's list of office holders: the result, or every line in error (and nothing imported). */
@Controller
class ImportController {

	private final Registry registry;

	ImportController(Registry registry) {
		this.registry = registry;
	}

	@GetMapping("/office-holders/import")
	String form(Model model) {
		model.addAttribute("columns", String.join(",", OfficeHolderCsv.COLUMNS));
		return "registry/import";
	}

	@PostMapping("/office-holders/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AccountPrincipal me, Model model) throws IOException {
		model.addAttribute("columns", String.join(",", OfficeHolderCsv.COLUMNS));
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", "import.file.required");
			return "registry/import";
		}
		String text = new String(file.getBytes(), StandardCharsets.UTF_8);
		char separator = text.lines().findFirst().filter(header -> header.contains(";")).isPresent() ? ';' : ',';
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			model.addAttribute("result", registry.importOfficeHolders(OfficeHolderCsv.parse(reader, separator),
					OfficeHolderApiController.actor(me)));
		}
		catch (OfficeHolderImport.Refused refused) {
			model.addAttribute("errors", refused.errors());
		}
		return "registry/import";
	}
}
