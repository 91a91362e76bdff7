package nl.weerbaar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doors injection comes through stay shut in Weerbaar's own code: nothing evaluates expressions or scripts, runs
 * OS commands, looks up JNDI or LDAP, parses XML, deserialises Java objects, lets JSON name its types, opens network
 * connections of its own, or takes a format string or a regular expression from anywhere but a literal (ASVS 5.0 V1.2,
 * V1.3, V1.5, V13.2.4). A rule that fails names the class and the call that opened the door.
 */
class InjectionSurfaceTests {

	private static final JavaClasses WEERBAAR = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.weerbaar");

	/**
	 * Classes that may open a connection of their own, each to a destination set in configuration and listed in
	 * docs/security (for example a log shipper to a collector). The database and the mail server are reached through
	 * their drivers; the audit shipper sends to the collector set in {@code weerbaar.audit.ship.*}
	 * (docs/security/logging.md).
	 */
	static final java.util.Set<String> ALLOWED_TO_CONNECT = java.util.Set.of("nl.weerbaar.audit.internal.AuditShipper");

	static final ArchRule NO_EXPRESSIONS = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.expression..", "javax.script..", "groovy..", "org.mvel2..", "ognl..",
				"org.codehaus.janino..")
		.because("an expression or script built from input runs the input (ASVS 5.0 V1.3.2)");

	static final ArchRule NO_OS_COMMANDS = noClasses().should()
		.callMethod(Runtime.class, "exec", String.class)
		.orShould()
		.callMethod(Runtime.class, "exec", String[].class)
		.orShould()
		.callConstructorWhere(DescribedPredicate.<JavaConstructorCall>describe("a ProcessBuilder is made",
				call -> call.getTarget().getOwner().isEquivalentTo(ProcessBuilder.class)))
		.because("no input may reach a shell (ASVS 5.0 V1.2.5)");

	static final ArchRule NO_JNDI_OR_LDAP = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("javax.naming..", "org.springframework.ldap..", "com.unboundid..")
		.because("ASVS 5.0 V1.2.6, V1.3.8");

	static final ArchRule NO_XML = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("javax.xml.parsers..", "javax.xml.stream..", "javax.xml.xpath..", "javax.xml.transform..",
				"org.xml.sax..", "org.w3c.dom..", "org.dom4j..", "org.jdom2..")
		.because("without XML there is no XXE or XPath injection (ASVS 5.0 V1.2.7, V1.5.1)");

	static final ArchRule NO_UNSAFE_DESERIALISATION = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.io.ObjectInputStream")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.beans.XMLDecoder")
		.orShould()
		.dependOnClassesThat()
		.haveSimpleName("JsonTypeInfo")
		.orShould()
		.callMethodWhere(DescribedPredicate.<JavaMethodCall>describe("Jackson's default typing is switched on",
				call -> call.getTarget().getName().matches("activateDefaultTyping|enableDefaultTyping"
						+ "|activateDefaultTypingAsProperty|setPolymorphicTypeValidator")))
		.because("untrusted data is read into fixed types only (ASVS 5.0 V1.5.2)");

	static final ArchRule NO_OWN_CONNECTIONS = noClasses().that(DescribedPredicate.describe("are not on the allowlist of connecting classes",
			type -> !ALLOWED_TO_CONNECT.contains(type.getName())))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("java.net.http..", "org.springframework.web.client..",
				"org.springframework.web.reactive.function.client..", "org.apache.hc..", "org.apache.http..", "okhttp3..")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.URLConnection")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.HttpURLConnection")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.Socket")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.net.DatagramSocket")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("java.nio.channels.SocketChannel")
		.orShould()
		.callMethodWhere(DescribedPredicate.<JavaMethodCall>describe("a URL is opened",
				call -> call.getTarget().getOwner().isEquivalentTo(java.net.URL.class)
						&& call.getTarget().getName().matches("openConnection|openStream|getContent")))
		.because("Weerbaar talks only to its database and mail server, both set in configuration; nothing a user types "
				+ "becomes a destination (ASVS 5.0 V1.3.6, V13.2.4, V15.3.2)");

	static final ArchRule ONE_JSON_PARSER = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.google.gson..", "org.json..", "jakarta.json..", "javax.json..", "net.minidev.json..",
				"com.alibaba.fastjson..", "com.fasterxml.jackson.databind..")
		.because("JSON is read by Jackson 3 (tools.jackson) only (ASVS 5.0 V1.5.3)");

	static final ArchRule ONE_CSV_PARSER = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.opencsv..", "com.univocity..", "de.siegmar.fastcsv..")
		.because("CSV is read and written by Commons CSV only (ASVS 5.0 V1.5.3)");

	@Test
	void noCodeEvaluatesExpressionsOrScriptsAndHtmxMayNotEval() throws IOException {
		NO_EXPRESSIONS.check(WEERBAAR);
		assertThat(Files.readString(Path.of("src/main/resources/templates/web/layout.html")))
			.contains("\"allowEval\":false");
		assertThat(Files.readString(Path.of("frontend/weerbaar.js"))).doesNotContain("eval(", "new Function(",
				"setTimeout(\"", "setInterval(\"", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
	}

	@Test
	void noCodeRunsOperatingSystemCommands() {
		NO_OS_COMMANDS.check(WEERBAAR);
	}

	@Test
	void noCodeLooksUpJndiOrLdap() {
		NO_JNDI_OR_LDAP.check(WEERBAAR);
	}

	@Test
	void noCodeParsesXml() {
		NO_XML.check(WEERBAAR);
	}

	@Test
	void noCodeDeserialisesJavaObjectsNorLetsJsonNameItsTypes() {
		NO_UNSAFE_DESERIALISATION.check(WEERBAAR);
	}

	@Test
	void eachDataFormatHasOneParser() {
		ONE_JSON_PARSER.check(WEERBAAR);
		ONE_CSV_PARSER.check(WEERBAAR);
	}

	@Test
	void noCodeOpensNetworkConnectionsOfItsOwn() {
		NO_OWN_CONNECTIONS.check(WEERBAAR);
	}

	/** Each rule finds the door it is about when a class opens it. */
	@Test
	void theRulesFindEachDoorInAClassThatOpensIt() {
		JavaClasses open = new ClassFileImporter().importClasses(OpenDoors.class);
		for (ArchRule rule : List.of(NO_EXPRESSIONS, NO_OS_COMMANDS, NO_JNDI_OR_LDAP, NO_XML, NO_UNSAFE_DESERIALISATION,
				NO_OWN_CONNECTIONS)) {
			assertThat(rule.evaluate(open).hasViolation()).as(rule.getDescription()).isTrue();
		}
	}

	/** Never run: every door the rules keep shut, opened once, for the rules to find. */
	@SuppressWarnings("unused")
	static final class OpenDoors {

		Object all(String input) throws Exception {
			new ProcessBuilder(input).start();
			new javax.naming.InitialContext().lookup(input);
			javax.xml.parsers.DocumentBuilderFactory.newInstance();
			new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(input.getBytes())).readObject();
			java.net.http.HttpClient.newHttpClient();
			return new org.springframework.expression.spel.standard.SpelExpressionParser().parseExpression(input);
		}
	}

	/**
	 * A page handler that returns nothing would have Spring take the view name from the request's path, and a view
	 * name is a Thymeleaf expression: every page handler names its template or redirect itself, or writes the response
	 * (ASVS 5.0 V1.3.7).
	 */
	@Test
	void noPageHandlerTakesItsTemplateFromTheRequest() {
		List<String> handlers = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		WEERBAAR.stream()
			.filter(type -> type.isAnnotatedWith(org.springframework.stereotype.Controller.class))
			.flatMap(type -> type.getMethods().stream())
			.filter(method -> method.isMetaAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class)
					|| method.isAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class))
			.forEach(method -> {
				handlers.add(method.getFullName());
				boolean writesItself = method.getRawParameterTypes()
					.stream()
					.anyMatch(type -> type.isAssignableTo(jakarta.servlet.ServletResponse.class)
							|| type.isAssignableTo(java.io.Writer.class) || type.isAssignableTo(java.io.OutputStream.class))
						|| method.isAnnotatedWith(org.springframework.web.bind.annotation.ResponseBody.class)
						|| method.isAnnotatedWith(org.springframework.web.bind.annotation.ResponseStatus.class);
				if (method.getRawReturnType().getName().equals("void") && !writesItself) {
					offending.add(method.getFullName());
				}
			});
		assertThat(handlers).as("the check finds the page handlers").hasSizeGreaterThan(20);
		assertThat(offending).as("page handlers whose view name would come from the request path").isEmpty();
	}

	/** A format string from outside could read arguments it should not or throw where nobody expects it. */
	@Test
	void formatStringsAndLogPatternsAreLiterals() {
		Pattern call = Pattern.compile(
				"(String\\.format|\\.printf|MessageFormat\\.format|\\.formatted|\\blog\\.(?:trace|debug|info|warn|error))\\(");
		List<String> found = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		for (Source source : mainSources()) {
			Matcher m = call.matcher(source.text());
			while (m.find()) {
				String where = source.name() + ": " + line(source.text(), m.start());
				found.add(where);
				boolean literal;
				if (m.group(1).equals(".formatted")) {
					// the receiver is what is formatted: it must end a literal or text block
					literal = source.text().substring(0, m.start()).stripTrailing().endsWith("\"");
				}
				else {
					literal = source.text().substring(m.end()).stripLeading().startsWith("\"");
				}
				if (!literal) {
					offending.add(where);
				}
			}
		}
		assertThat(found).as("the check finds the calls it is about").hasSizeGreaterThan(10);
		assertThat(offending).as("calls whose format is not a literal (ASVS 5.0 V1.3.10)").isEmpty();
	}

	/**
	 * Every regular expression is a literal (or a literal joined with a constant), and none nests a quantifier inside a
	 * quantified group, the shape that backtracks exponentially ({@code (a+)+}, {@code (\w*)*}).
	 */
	@Test
	void regularExpressionsAreLiteralsWithoutNestedQuantifiers() {
		Pattern literal = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
		Pattern nested = Pattern.compile("\\((?:[^()\\\\]|\\\\.)*[+*}](?:[^()\\\\]|\\\\.)*\\)[+*{]");
		List<String> regexes = new ArrayList<>();
		List<String> offending = new ArrayList<>();
		// where a pattern is compiled or applied, found in the byte code (not every matches() takes a pattern)
		WEERBAAR.stream().flatMap(type -> type.getMethodCallsFromSelf().stream()).filter(call -> {
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			return owner.equals(String.class.getName()) && name.matches("matches|replaceAll|replaceFirst|split")
					|| owner.equals(Pattern.class.getName()) && name.matches("compile|matches");
		}).forEach(call -> {
			String where = call.getOriginOwner().getPackageName().replace('.', '/') + "/"
					+ call.getOriginOwner().getSource().flatMap(source -> source.getFileName()).orElse("?") + ":"
					+ call.getLineNumber();
			Pattern named = Pattern.compile("\\b" + call.getName() + "\\(");
			// the line the compiler gave the call, or the one before or after it in a statement over several lines
			String line = Stream.of(0, -1, 1)
				.map(offset -> sourceLine(where, offset))
				.filter(text -> named.matcher(text).find())
				.findFirst()
				.orElse(sourceLine(where, 0));
			Matcher at = named.matcher(line);
			boolean found = false;
			while (at.find()) {
				found = true;
				Matcher text = literal.matcher(line.substring(at.end()).stripLeading());
				if (!text.lookingAt()) {
					// another method of that name on the same line may be the one; a literal is required of all
					offending.add(where + " (not a literal): " + line.strip());
					continue;
				}
				String regex = text.group(1).replace("\\\\", "\\");
				regexes.add(regex);
				if (nested.matcher(regex).find()) {
					offending.add(where + " nests quantifiers: " + regex);
				}
			}
			if (!found) {
				offending.add(where + " (the call is not on its line): " + line.strip());
			}
		});
		assertThat(regexes).as("the check finds the expressions it is about").hasSizeGreaterThan(10);
		assertThat(nested.matcher("(a+)+").find()).as("the check itself finds the classic shape").isTrue();
		assertThat(nested.matcher("([a-z]{2,3}\\d*)*").find()).isTrue();
		assertThat(nested.matcher("[a-z0-9][a-z0-9._-]{2,63}").find()).isFalse();
		assertThat(offending).as("ASVS 5.0 V1.3.12").isEmpty();
	}

	private static String sourceLine(String where, int offset) {
		String file = where.substring(0, where.lastIndexOf(':'));
		int number = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1)) + offset;
		try {
			List<String> lines = Files.readAllLines(Path.of("src/main/java").resolve(file));
			return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The client script sets no property whose name comes from data (the only computed name is the CSRF header's,
	 * from the page's own meta tag), and merges no parsed objects, so nothing can reach Object.prototype (ASVS 5.0
	 * V15.3.6).
	 */
	@Test
	void theClientScriptCannotPolluteThePrototype() throws IOException {
		String script = Files.readString(Path.of("frontend/weerbaar.js"));
		assertThat(script).doesNotContain("__proto__", "prototype", "constructor[", "Object.assign", "Object.defineProperty",
				"JSON.parse", "$.extend", "merge(");
		Matcher computed = Pattern.compile("\\w+\\[([^\\]]+)\\]\\s*=[^=]").matcher(script);
		List<String> keys = new ArrayList<>();
		while (computed.find()) {
			keys.add(computed.group(1).strip());
		}
		assertThat(keys).as("computed property writes").isNotEmpty().allMatch("header.content"::equals);
	}

	record Source(String name, String text) {
	}

	private static List<Source> mainSources() {
		Path root = Path.of("src/main/java");
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
				try {
					return new Source(root.relativize(file).toString(), Files.readString(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int line(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
	}
}
