package nl.weerbaar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing changes on a GET (ASVS 5.0 V3.5.3): every handler of Weerbaar's own names the methods it takes, and reading
 * every page and API list without path variables as an administrator and coordinator leaves every table as it was,
 * apart from the tables that record the reading itself (the audit trail, the session store, the throttles).
 */
@WebTest
class SafeMethodsTests {

	/** Tables a read may change by design: it is audited, it keeps a session, it counts against a throttle. */
	private static final Set<String> BOOKKEEPING = Set.of("public.audit_event", "public.audit_head", "public.spring_session",
			"public.spring_session_attributes", "public.throttle_bucket", "public.shedlock", "public.event_publication",
			"public.flyway_schema_history");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyHandlerOfWeerbaarNamesTheMethodsItTakes() {
		List<String> anyMethod = mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().getBeanType().getName().startsWith("nl.weerbaar."))
			.filter(entry -> entry.getKey().getMethodsCondition().getMethods().isEmpty())
			.map(entry -> entry.getValue().toString())
			.toList();
		assertThat(anyMethod).as("handlers that a GET could reach whatever they do").isEmpty();
	}

	@Test
	void readingEveryPageAndListChangesNothing() {
		List<String> paths = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getName().startsWith("nl.weerbaar.") && gets(info)) {
				info.getPatternValues()
					.stream()
					.filter(path -> !path.contains("{") && !path.contains("*"))
					.forEach(paths::add);
			}
		});
		assertThat(paths).hasSizeGreaterThan(20).contains("/requests", "/api/v1/support-requests", "/admin/audit/export.csv");
		WebSession staff = new WebSession(port);
		staff.signIn(new TestAccounts(context).create(Role.ADMIN, Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		staff.get("/");
		Map<String, String> before = fingerprint();
		List<Integer> statuses = new ArrayList<>();
		for (String path : paths) {
			statuses.add(staff.get(path).status());
		}
		assertThat(statuses).as("most of them answered").filteredOn(status -> status == 200).hasSizeGreaterThan(15);
		assertThat(fingerprint()).isEqualTo(before);
	}

	private static boolean gets(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.contains(RequestMethod.GET);
	}

	/** A digest of every row of every table but the bookkeeping ones. */
	private Map<String, String> fingerprint() {
		Map<String, String> digests = new TreeMap<>();
		List<String> tables = jdbc.sql("""
				select table_schema || '.' || table_name from information_schema.tables
				where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")
			.query(String.class)
			.list();
		for (String table : tables) {
			if (BOOKKEEPING.contains(table)) {
				continue;
			}
			String quoted = "\"" + table.replace(".", "\".\"") + "\"";
			digests.put(table, jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
					+ quoted + " t").query(String.class).single());
		}
		return digests;
	}
}
