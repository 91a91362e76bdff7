package nl.weerbaar.matching;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.weerbaar.team.SupporterKind;

/** The eligible supporters for a request, best first, each with the reasons of its score; and everyone excluded, with why. */
public record Suggestions(List<Suggestion> suggestions, List<Excluded> excluded) {

	public record Suggestion(UUID supporterId, String name, SupporterKind kind, int score, List<ReasonView> reasons) {
	}

	public record Excluded(UUID supporterId, String name, SupporterKind kind, List<ReasonView> reasons) {
	}

	/** A reason in the caller's language; {@code contribution} only for what adds to a score. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ReasonView(String code, Integer contribution, String text) {
	}
}
