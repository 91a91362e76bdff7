package nl.weerbaar.audit;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit export is read in spreadsheets: no field may run as a formula or break the rows (ASVS 5.0 V1.2.10). */
class AuditCsvTests {

	@Test
	void aFieldThatStartsLikeAFormulaGetsALeadingQuote() {
		for (String start : List.of("=", "+", "-", "@", "\t", "\r", "\0")) {
			assertThat(AuditTrail.csv(start + "1+1")).as("starting with %s", start.codePointAt(0))
				.contains("'" + start + "1+1");
		}
		assertThat(AuditTrail.csv("a=1")).as("only the first character counts").isEqualTo("a=1");
		assertThat(AuditTrail.csv("")).isEmpty();
		assertThat(AuditTrail.csv(null)).isEmpty();
	}

	@Test
	void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
		assertThat(AuditTrail.csv("a,b")).isEqualTo("\"a,b\"");
		assertThat(AuditTrail.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditTrail.csv("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
		assertThat(AuditTrail.csv("one\ntwo")).isEqualTo("\"one\ntwo\"");
		assertThat(AuditTrail.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditTrail.csv("plain-id_42")).isEqualTo("plain-id_42");
	}

	@Nested
	@WebTest
	class TheExport {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Autowired
		AuditTrail trail;

		@Test
		void readsBackAsOneRowPerRecordWithEveryFormulaDefused() throws IOException {
			String type = "CSV_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			List<String> ids = List.of("=cmd|' /C calc'!A0", "+31 6 1234", "-2+3", "@SUM(A1)", "\tTAB", "two\r\nlines",
					"line\nfeed", "a,b", "quote\"d");
			for (String id : ids) {
				trail.append(AuditEntry.allowed(null, null, "CSV_CHECK", type, id));
			}
			WebSession admin = new WebSession(port);
			admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);

			Response export = admin.get("/admin/audit/export.csv?objectType=" + type);

			assertThat(export.status()).isEqualTo(200);
			List<CSVRecord> rows = CSVFormat.RFC4180.builder()
				.setHeader()
				.get()
				.parse(new StringReader(export.body()))
				.getRecords();
			assertThat(rows).hasSize(ids.size()).allSatisfy(row -> assertThat(row.size()).isEqualTo(10));
			assertThat(rows).extracting(row -> row.get("object_id"))
				.containsExactly("'=cmd|' /C calc'!A0", "'+31 6 1234", "'-2+3", "'@SUM(A1)", "'\tTAB", "two\r\nlines",
						"line\nfeed", "a,b", "quote\"d");
		}

		@Test
		void theExportLinkKeepsTheSearchWhateverItHolds() {
			String type = "CSV_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			String id = "x&objectType=OTHER #1 \"><b>";
			trail.append(AuditEntry.allowed(null, null, "CSV_CHECK", type, id));
			trail.append(AuditEntry.allowed(null, null, "CSV_CHECK", type, "x"));
			WebSession admin = new WebSession(port);
			admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);

			Response page = admin.get("/admin/audit?objectType=" + type + "&objectId="
					+ java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));

			assertThat(page.status()).isEqualTo(200);
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/admin/audit/export\\.csv[^\"]*)\"")
				.matcher(page.body());
			assertThat(link.find()).as("the export link").isTrue();
			String href = link.group(1).replace("&amp;", "&");
			assertThat(href).as("each value URL-encoded, so it stays one parameter")
				.isEqualTo("/admin/audit/export.csv?objectType=" + type + "&objectId=x%26objectType%3DOTHER+%231+%22%3E%3Cb%3E");
			assertThat(admin.get(href).body().lines().skip(1)).singleElement()
				.satisfies(line -> assertThat(line).contains(type).contains("x&objectType=OTHER #1 "));
		}
	}
}
