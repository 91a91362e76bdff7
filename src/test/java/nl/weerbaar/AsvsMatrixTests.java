package nl.weerbaar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/security/asvs.md} honest: every ASVS 5.0.0 requirement once, at its own level, with a known
 * status; every test it names exists and runs; every document it names exists; the totals follow from the rows.
 */
class AsvsMatrixTests {

	/**
	 * The 345 requirements of ASVS 5.0.0 (tag v5.0.0_release, the CSV in 5.0/docs_en), per section: one digit per
	 * requirement, in order, giving its level. {@code V1.2:1111122223} means V1.2.1 to V1.2.5 are L1, V1.2.6 to
	 * V1.2.9 L2 and V1.2.10 L3.
	 */
	static final String ASVS_5_0_0 = """
			V1.1:22 V1.2:1111122223 V1.3:112222222223 V1.4:222 V1.5:123
			V2.1:122 V2.2:112 V2.3:12223 V2.4:23
			V3.1:3 V3.2:113 V3.3:12223 V3.4:11222233 V3.5:11122333 V3.6:3 V3.7:22333
			V4.1:12233 V4.2:23333 V4.3:22 V4.4:1222
			V5.1:2 V5.2:112333 V5.3:113 V5.4:222
			V6.1:122 V6.2:111111112222 V6.3:11223333 V6.4:112233 V6.5:22222333 V6.6:2223 V6.7:33 V6.8:2222
			V7.1:222 V7.2:1111 V7.3:22 V7.4:11222 V7.5:223 V7.6:22
			V8.1:1233 V8.2:1123 V8.3:133 V8.4:23
			V9.1:111 V9.2:1222
			V10.1:22 V10.2:223 V10.3:22223 V10.4:1111122222233333 V10.5:22222 V10.6:22 V10.7:222
			V11.1:2233 V11.2:22233 V11.3:11233 V11.4:1222 V11.5:23 V11.6:23 V11.7:33
			V12.1:12233 V12.2:11 V12.3:22223
			V13.1:2333 V13.2:222223 V13.3:2233 V13.4:1222233
			V14.1:22 V14.2:12223333 V14.3:122
			V15.1:12233 V15.2:12233 V15.3:1222222 V15.4:3333
			V16.1:2 V16.2:22222 V16.3:2222 V16.4:222 V16.5:2223
			V17.1:23 V17.2:22223333 V17.3:22
			""";

	@Test
	void theMatrixHasEveryRequirementOnceNamesOnlyTestsAndDocumentsThatExistAndAddsUp() throws IOException {
		Map<String, Integer> expected = requirements(ASVS_5_0_0);
		assertThat(expected).hasSize(345);
		Map<Integer, Long> perLevel = expected.values()
			.stream()
			.collect(Collectors.groupingBy(level -> level, TreeMap::new, Collectors.counting()));
		assertThat(perLevel).as("requirements per level in ASVS 5.0.0")
			.containsExactly(Map.entry(1, 70L), Map.entry(2, 183L), Map.entry(3, 92L));

		Matrix matrix = Matrix.parse(Files.readString(projectRoot().resolve("docs/security/asvs.md")));

		assertThat(matrix.rows()).hasSize(345);
		assertThat(check(matrix, expected, projectRoot())).isEmpty();
	}

	@Test
	void aWellFormedSmallMatrixPassesWithNestedParameterisedAndPropertyTestsAndAnAnchor() {
		String good = """
				| id | level | status | test or document | note |
				|---|---|---|---|---|
				| V1.1.1 | 2 | TESTED | AdminBootstrapTests.GeneratedOneTimePassword.goesToAFileOnlyItsOwnerReadsIsNeverLoggedAndMustBeReplacedAtTheFirstSignIn; DemoAccountsTests.theBannerIsOnEveryPage | *short.* |
				| V1.1.2 | 2 | TESTED | ConcernSuggestionProperties.moreYesNeverLowersTheSuggestion | |
				| V1.2.1 | 1 | DOCUMENTED | README.md#run-it; docs/security/asvs.md#totals | |
				| V1.2.2 | 1 | NOT_APPLICABLE | | *short.* there is no such thing |
				| V1.2.3 | 1 | OPEN | | needs a test |

				## Totals

				| level | TESTED | DOCUMENTED | NOT_APPLICABLE | OPEN | applicable | TESTED % | (TESTED+DOCUMENTED) % |
				|---|---|---|---|---|---|---|---|
				| L1 | 0 | 1 | 1 | 1 | 2 | 0% | 50% |
				| L2 | 2 | 0 | 0 | 0 | 2 | 100% | 100% |
				| L3 | 0 | 0 | 0 | 0 | 0 | – | – |
				| all | 2 | 1 | 1 | 1 | 4 | 50% | 75% |
				""";

		assertThat(check(Matrix.parse(good), requirements("V1.1:22 V1.2:111"), projectRoot())).isEmpty();
	}

	@Test
	void aMatrixNamingAMissingOrDisabledTestOrAMissingDocumentIsRefused() {
		String bad = """
				| V1.1.1 | 2 | TESTED | NoSuchTests.anything | |
				| V1.1.2 | 2 | TESTED | AsvsMatrixTests.noSuchMethod; AsvsMatrixTests.check | |
				| V1.2.1 | 1 | TESTED | AdminBootstrapTests.NoSuchCase.anything; AsvsMatrixExample.NotNested.isATest | |
				| V1.2.2 | 1 | TESTED | | |
				| V1.2.3 | 1 | DOCUMENTED | docs/no-such-file.md; README.md#no-such-heading; pom.xml | |
				| V1.2.4 | 1 | TESTED | a sentence instead of a test | |
				| V1.2.5 | 1 | TESTED | AsvsMatrixExample.isNoTest | |
				""";

		List<String> problems = check(Matrix.parse(bad), requirements("V1.1:22 V1.2:11111"), projectRoot(), name -> true);

		assertThat(problems).anySatisfy(p -> assertThat(p).contains("V1.1.1", "NoSuchTests", "no test class"))
			.anySatisfy(p -> assertThat(p).contains("V1.1.2", "noSuchMethod", "no test method"))
			.anySatisfy(p -> assertThat(p).contains("V1.1.2", "AsvsMatrixTests.check", "no test method"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.1", "NoSuchCase", "no @Nested class"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.1", "NotNested.isATest", "no @Nested class"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.2", "TESTED names no test"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.3", "docs/no-such-file.md", "does not exist"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.3", "README.md#no-such-heading", "no heading"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.3", "pom.xml", "README.md or under docs/"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.4", "not Class.method"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.5", "isNoTest", "no test method"));
	}

	@Test
	void aTestSwitchedOffWithDisabledDoesNotCount() {
		String bad = """
				| V1.1.1 | 2 | TESTED | AsvsMatrixExample.isSwitchedOff | |
				| V1.1.2 | 2 | TESTED | AsvsMatrixExample.Inner.isSwitchedOff; AsvsMatrixExample.Inner.isATest | |
				| V1.1.3 | 2 | TESTED | AsvsMatrixExample.SwitchedOff.isATest | |
				""";

		List<String> problems = check(Matrix.parse(bad), requirements("V1.1:222"), projectRoot(), name -> true);

		assertThat(problems).anySatisfy(p -> assertThat(p).contains("V1.1.1", "isSwitchedOff", "disabled"))
			.anySatisfy(p -> assertThat(p).contains("V1.1.2", "Inner.isSwitchedOff", "disabled"))
			.anySatisfy(p -> assertThat(p).contains("V1.1.3", "SwitchedOff.isATest", "disabled"))
			.noneSatisfy(p -> assertThat(p).contains("Inner.isATest"));
	}

	@Test
	void aTestInAClassTheBuildNeverRunsDoesNotCount() {
		String bad = "| V1.1.1 | 2 | TESTED | AsvsMatrixExample.Inner.isATest | |\n";

		assertThat(check(Matrix.parse(bad), requirements("V1.1:2"), projectRoot(), name -> true))
			.as("the method itself is a test").noneSatisfy(p -> assertThat(p).contains("V1.1.1"));
		assertThat(check(Matrix.parse(bad), requirements("V1.1:2"), projectRoot()))
			.anySatisfy(p -> assertThat(p).contains("V1.1.1", "the build never runs AsvsMatrixExample"));
	}

	@Test
	void aMatrixWithMissingDuplicatedUnknownOrMislevelledIdsOrBadStatusesIsRefused() {
		String bad = """
				| V1.1.1 | 2 | OPEN | | not yet |
				| V1.1.1 | 2 | OPEN | | twice |
				| V1.2.1 | 3 | OPEN | | the wrong level |
				| V1.2.2 | | OPEN | | no level |
				| V1.2.3 | 1 | | | no status |
				| V1.2.4 | 1 | DONE | | an unknown status |
				| V1.2.5 | 1 | NOT_APPLICABLE | | *the paraphrase alone is no reason.* |
				| V1.2.6 | 1 | OPEN | | |
				| V9.9.9 | 1 | OPEN | | not in the standard |
				| V1.2.7 | 1 | OPEN | too few cells |
				""";

		List<String> problems = check(Matrix.parse(bad), requirements("V1.1:22 V1.2:1111111"), projectRoot());

		assertThat(problems).anySatisfy(p -> assertThat(p).contains("V1.1.1", "more than once"))
			.anySatisfy(p -> assertThat(p).contains("V1.1.2", "missing"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.1", "level 3", "level 1"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.2", "no level"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.3", "no status"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.4", "unknown status DONE"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.5", "NOT_APPLICABLE", "no reason"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.6", "OPEN", "no reason"))
			.anySatisfy(p -> assertThat(p).contains("V9.9.9", "not an ASVS 5.0.0 requirement"))
			.anySatisfy(p -> assertThat(p).contains("V1.2.7", "5 cells"));
	}

	@Test
	void totalsThatDoNotFollowFromTheRowsAreRefused() {
		String rows = """
				| V1.1.1 | 2 | TESTED | AsvsMatrixTests.aTestSwitchedOffWithDisabledDoesNotCount | |
				| V1.1.2 | 2 | OPEN | | not yet |
				| V1.2.1 | 1 | NOT_APPLICABLE | | no such feature |

				## Totals

				| level | TESTED | DOCUMENTED | NOT_APPLICABLE | OPEN | applicable | TESTED % | (TESTED+DOCUMENTED) % |
				|---|---|---|---|---|---|---|---|
				""";
		Map<String, Integer> expected = requirements("V1.1:22 V1.2:1");
		String right = """
				| L1 | 0 | 0 | 1 | 0 | 0 | – | – |
				| L2 | 1 | 0 | 0 | 1 | 2 | 50% | 50% |
				| L3 | 0 | 0 | 0 | 0 | 0 | – | – |
				| all | 1 | 0 | 1 | 1 | 2 | 50% | 50% |
				""";

		assertThat(check(Matrix.parse(rows + right), expected, projectRoot())).isEmpty();
		assertThat(check(Matrix.parse(rows + right.replace("| L2 | 1 | 0 | 0 | 1 | 2 | 50% |", "| L2 | 2 | 0 | 0 | 0 | 2 | 50% |")),
				expected, projectRoot()))
			.anySatisfy(p -> assertThat(p).contains("totals", "L2", "| L2 | 1 | 0 | 0 | 1 | 2 | 50% | 50% |"));
		assertThat(check(Matrix.parse(rows + right.replace("| all | 1 | 0 | 1 | 1 | 2 | 50% | 50% |",
				"| all | 1 | 0 | 1 | 1 | 2 | 51% | 50% |")), expected, projectRoot()))
			.anySatisfy(p -> assertThat(p).contains("totals", "all"));
		assertThat(check(Matrix.parse(rows + right.lines().skip(1).collect(Collectors.joining("\n"))), expected,
				projectRoot()))
			.anySatisfy(p -> assertThat(p).contains("totals", "no row for L1"));
		assertThat(check(Matrix.parse(rows.substring(0, rows.indexOf("## Totals"))), expected, projectRoot()))
			.anySatisfy(p -> assertThat(p).contains("no totals section"));
	}

	// --- the matrix and its checks ---

	enum Status {

		TESTED, DOCUMENTED, NOT_APPLICABLE, OPEN

	}

	record Row(int line, List<String> cells) {

		String id() {
			return cells.getFirst();
		}

		String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}

		/** The note without its leading paraphrase in italics: what is left is the reason or caveat. */
		String reason() {
			return cell(4).replaceFirst("^\\*[^*]*\\*", "").strip();
		}
	}

	record Matrix(List<Row> rows, Optional<List<Row>> totals) {

		private static final Pattern ROW = Pattern.compile("^\\|\\s*(V[^|]*)\\|.*");

		private static final Pattern TOTALS_ROW = Pattern.compile("^\\|\\s*(L1|L2|L3|all)\\s*\\|.*");

		static Matrix parse(String markdown) {
			List<Row> rows = new ArrayList<>();
			List<Row> totals = null;
			List<String> lines = markdown.lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.matches("^##\\s+Totals\\s*$")) {
					totals = new ArrayList<>();
				}
				else if (line.startsWith("## ")) {
					if (totals != null) {
						break;
					}
				}
				else if (totals != null && TOTALS_ROW.matcher(line).matches()) {
					totals.add(new Row(i + 1, cells(line)));
				}
				else if (totals == null && ROW.matcher(line).matches()) {
					rows.add(new Row(i + 1, cells(line)));
				}
			}
			return new Matrix(rows, Optional.ofNullable(totals));
		}

		private static List<String> cells(String line) {
			String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
			return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
		}
	}

	/** Reads {@link #ASVS_5_0_0}'s format: section, colon, one level digit per requirement. */
	static Map<String, Integer> requirements(String perSection) {
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (String section : perSection.strip().split("\\s+")) {
			String[] parts = section.split(":");
			for (int i = 0; i < parts[1].length(); i++) {
				levels.put(parts[0] + "." + (i + 1), parts[1].charAt(i) - '0');
			}
		}
		return levels;
	}

	private static final Pattern REQUIREMENT_ID = Pattern.compile("V\\d+\\.\\d+\\.\\d+");

	private static final Pattern TEST_NAME = Pattern.compile("[A-Z]\\w*(\\.[A-Z]\\w*)*\\.[a-z]\\w*");

	/** The test classes Surefire and Failsafe run in this build (pom.xml: *Test, *Tests, *Properties; *IT). */
	static final Predicate<String> RUN_BY_THE_BUILD = simpleName -> simpleName.matches(".*(Test|Tests|Properties|IT)");

	static List<String> check(Matrix matrix, Map<String, Integer> expected, Path root) {
		return check(matrix, expected, root, RUN_BY_THE_BUILD);
	}

	static List<String> check(Matrix matrix, Map<String, Integer> expected, Path root, Predicate<String> runByTheBuild) {
		List<String> problems = new ArrayList<>();
		TestClasses tests = new TestClasses(runByTheBuild);
		Set<String> seen = new LinkedHashSet<>();
		Map<Integer, Map<Status, Integer>> counts = new TreeMap<>();
		for (Row row : matrix.rows()) {
			String id = row.id();
			String where = "line " + row.line() + " (" + id + "): ";
			if (row.cells().size() != 5) {
				problems.add(where + "a row has 5 cells (id, level, status, test or document, note), this one "
						+ row.cells().size());
				continue;
			}
			if (!REQUIREMENT_ID.matcher(id).matches() || !expected.containsKey(id)) {
				problems.add(where + id + " is not an ASVS 5.0.0 requirement");
				continue;
			}
			if (!seen.add(id)) {
				problems.add(where + id + " appears more than once");
				continue;
			}
			Integer level = null;
			if (row.cell(1).isEmpty()) {
				problems.add(where + "no level");
			}
			else if (!row.cell(1).matches("[123]")) {
				problems.add(where + "level " + row.cell(1) + " is not 1, 2 or 3");
			}
			else {
				level = Integer.parseInt(row.cell(1));
				if (level != expected.get(id).intValue()) {
					problems.add(where + "level " + level + ", but ASVS 5.0.0 has it at level " + expected.get(id));
				}
			}
			Status status = null;
			if (row.cell(2).isEmpty()) {
				problems.add(where + "no status");
			}
			else {
				try {
					status = Status.valueOf(row.cell(2));
				}
				catch (IllegalArgumentException unknown) {
					problems.add(where + "unknown status " + row.cell(2) + " (one of " + Arrays.toString(Status.values())
							+ ")");
				}
			}
			if (status == null || level == null) {
				continue;
			}
			counts.computeIfAbsent(level, l -> new HashMap<>()).merge(status, 1, Integer::sum);
			List<String> refs = row.cell(3).isEmpty() ? List.of() : List.of(row.cell(3).split(";\\s*"));
			switch (status) {
				case TESTED -> {
					if (refs.isEmpty()) {
						problems.add(where + "TESTED names no test");
					}
				}
				case DOCUMENTED -> {
					if (refs.isEmpty()) {
						problems.add(where + "DOCUMENTED names no document");
					}
				}
				case NOT_APPLICABLE, OPEN -> {
					if (row.reason().isEmpty()) {
						problems.add(where + status + " gives no reason in its note");
					}
				}
			}
			for (String ref : refs) {
				if (status == Status.DOCUMENTED) {
					document(root, ref).ifPresent(problem -> problems.add(where + problem));
				}
				else {
					tests.problem(ref).ifPresent(problem -> problems.add(where + problem));
				}
			}
		}
		expected.keySet()
			.stream()
			.filter(id -> !seen.contains(id))
			.forEach(id -> problems.add(id + " is missing from the matrix"));
		problems.addAll(totals(matrix, counts));
		return problems;
	}

	private static List<String> totals(Matrix matrix, Map<Integer, Map<Status, Integer>> counts) {
		if (matrix.totals().isEmpty()) {
			return List.of("no totals section (## Totals)");
		}
		List<String> problems = new ArrayList<>();
		Map<String, Row> given = matrix.totals().get().stream().collect(Collectors.toMap(Row::id, r -> r, (a, b) -> a));
		Map<String, List<Integer>> levels = Map.of("L1", List.of(1), "L2", List.of(2), "L3", List.of(3), "all",
				List.of(1, 2, 3));
		for (String name : List.of("L1", "L2", "L3", "all")) {
			int[] n = new int[Status.values().length];
			for (int level : levels.get(name)) {
				counts.getOrDefault(level, Map.of()).forEach((status, count) -> n[status.ordinal()] += count);
			}
			int tested = n[Status.TESTED.ordinal()];
			int documented = n[Status.DOCUMENTED.ordinal()];
			int applicable = tested + documented + n[Status.OPEN.ordinal()];
			String want = "| " + name + " | " + tested + " | " + documented + " | " + n[Status.NOT_APPLICABLE.ordinal()]
					+ " | " + n[Status.OPEN.ordinal()] + " | " + applicable + " | " + percent(tested, applicable) + " | "
					+ percent(tested + documented, applicable) + " |";
			Row row = given.get(name);
			if (row == null) {
				problems.add("totals: no row for " + name + "; from the rows it is " + want);
			}
			else if (!("| " + String.join(" | ", row.cells()) + " |").equals(want)) {
				problems.add("totals: line " + row.line() + " for " + name + " reads | " + String.join(" | ", row.cells())
						+ " |, but the rows give " + want);
			}
		}
		return problems;
	}

	/** Rounded down, so that a matrix never claims more than it has; a dash where nothing applies. */
	static String percent(int part, int whole) {
		return whole == 0 ? "–" : (100 * part / whole) + "%";
	}

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	private static Optional<String> document(Path root, String ref) {
		String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
		String anchor = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : null;
		if (!file.equals("README.md") && !file.startsWith("docs/")) {
			return Optional.of(ref + " is neither README.md or under docs/");
		}
		if (file.contains("..")) {
			return Optional.of(ref + " leaves the project");
		}
		Path path = root.resolve(file);
		if (!Files.isRegularFile(path)) {
			return Optional.of(ref + ": " + file + " does not exist");
		}
		if (anchor == null) {
			return Optional.empty();
		}
		try (Stream<String> lines = Files.lines(path)) {
			boolean found = lines.map(HEADING::matcher)
				.filter(Matcher::matches)
				.map(heading -> slug(heading.group(1)))
				.anyMatch(anchor::equals);
			return found ? Optional.empty() : Optional.of(ref + ": " + file + " has no heading #" + anchor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
	static String slug(String heading) {
		return heading.toLowerCase(Locale.ROOT)
			.replaceAll("[`*_]", "")
			.replaceAll("[^\\p{L}\\p{N} -]", "")
			.replace(' ', '-');
	}

	/** The compiled test classes, found by simple name, as the matrix names them. */
	static final class TestClasses {

		private final Map<String, List<String>> bySimpleName = new HashMap<>();

		private final Predicate<String> runByTheBuild;

		TestClasses(Predicate<String> runByTheBuild) {
			this.runByTheBuild = runByTheBuild;
			Path classes = testClasses();
			try (Stream<Path> files = Files.walk(classes)) {
				files.map(classes::relativize)
					.map(Path::toString)
					.filter(name -> name.endsWith(".class") && !name.contains("$"))
					.map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
					.forEach(name -> bySimpleName.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1),
							simple -> new ArrayList<>())
						.add(name));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Optional<String> problem(String ref) {
			if (!TEST_NAME.matcher(ref).matches()) {
				return Optional.of("'" + ref + "' is not Class.method (or Outer.Inner.method)");
			}
			List<String> parts = List.of(ref.split("\\."));
			List<String> candidates = bySimpleName.getOrDefault(parts.getFirst(), List.of());
			if (!runByTheBuild.test(parts.getFirst())) {
				return Optional.of(ref + ": the build never runs " + parts.getFirst()
						+ " (Surefire runs *Test, *Tests and *Properties, Failsafe *IT)");
			}
			if (candidates.size() != 1) {
				return Optional.of(ref + ": " + (candidates.isEmpty() ? "no test class " + parts.getFirst()
						: parts.getFirst() + " is ambiguous: " + candidates));
			}
			Class<?> type;
			try {
				type = Class.forName(candidates.getFirst(), false, AsvsMatrixTests.class.getClassLoader());
			}
			catch (ClassNotFoundException ex) {
				return Optional.of(ref + ": no test class " + candidates.getFirst());
			}
			boolean disabled = AnnotationSupport.isAnnotated(type, Disabled.class);
			for (String nested : parts.subList(1, parts.size() - 1)) {
				Optional<Class<?>> inner = Arrays.stream(type.getDeclaredClasses())
					.filter(c -> c.getSimpleName().equals(nested) && AnnotationSupport.isAnnotated(c, Nested.class))
					.findFirst();
				if (inner.isEmpty()) {
					return Optional.of(ref + ": " + type.getSimpleName() + " has no @Nested class " + nested);
				}
				type = inner.get();
				disabled |= AnnotationSupport.isAnnotated(type, Disabled.class);
			}
			String name = parts.getLast();
			List<Method> methods = ReflectionSupport.findMethods(type,
					m -> m.getName().equals(name) && AnnotationSupport.isAnnotated(m, Testable.class),
					HierarchyTraversalMode.TOP_DOWN);
			if (methods.isEmpty()) {
				return Optional.of(ref + ": no test method " + name + " in " + type.getName()
						+ " (a test is annotated @Test, @ParameterizedTest, @Property or the like)");
			}
			if (disabled || methods.stream().allMatch(m -> AnnotationSupport.isAnnotated(m, Disabled.class))) {
				return Optional.of(ref + " is disabled");
			}
			return Optional.empty();
		}

		private static Path testClasses() {
			try {
				return Path.of(AsvsMatrixTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	/** The project directory: target/test-classes is two levels below it. */
	static Path projectRoot() {
		return TestClasses.testClasses().getParent().getParent();
	}
}

/**
 * Test methods that nothing runs (the name matches none of Surefire's patterns), for the matrix checks to name.
 */
class AsvsMatrixExample {

	@Disabled("a switched-off test proves nothing")
	@Test
	void isSwitchedOff() {
	}

	void isNoTest() {
	}

	@Nested
	class Inner {

		@Test
		void isATest() {
		}

		@Disabled("a switched-off test proves nothing")
		@Test
		void isSwitchedOff() {
		}
	}

	@Nested
	@Disabled("a switched-off class proves nothing")
	class SwitchedOff {

		@Test
		void isATest() {
		}
	}

	static class NotNested {

		@Test
		void isATest() {
		}
	}
}
