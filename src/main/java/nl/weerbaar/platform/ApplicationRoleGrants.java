package nl.weerbaar.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, on the owner's connection: grants the application's role row access (select, insert, update,
 * delete) to every table and use of every sequence, in every schema, and nothing more: no truncate, references or
 * trigger, no DDL (only an owner may alter or drop). Append-only tables get less: the audit trail only insert and
 * select, its head only select and update, Flyway's history nothing. Default privileges grant the same on what the
 * owner creates later; the step after each migration makes sure of it, also for an installation that existed before.
 */
public final class ApplicationRoleGrants implements Callback {

	private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

	/** Tables whose rows the application may not change as it may others', with what it may do instead. */
	static final Map<String, String> RESTRICTED = Map.of(
			"public.audit_event", "select, insert",
			"public.audit_head", "select, update",
			"public.flyway_schema_history", "");

	private final DataSource application;

	ApplicationRoleGrants(DataSource application) {
		this.application = application;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			grant(context.getConnection());
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not grant the application's database role its privileges", e);
		}
	}

	@Override
	public String getCallbackName() {
		return "weerbaar-application-role-grants";
	}

	private void grant(Connection owner) throws SQLException {
		String role;
		boolean superuser;
		try (Connection connection = application.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
			rs.next();
			role = rs.getString(1);
			superuser = rs.getBoolean(2);
		}
		String ownerRole;
		try (Statement statement = owner.createStatement(); ResultSet rs = statement.executeQuery("select current_user")) {
			rs.next();
			ownerRole = rs.getString(1);
		}
		if (role.equals(ownerRole)) {
			return;
		}
		if (superuser) {
			log.warn("The application's database role {} is a superuser: it can do anything whatever it is granted", role);
		}
		String app = identifier(role);
		List<String> schemas = new ArrayList<>();
		try (Statement statement = owner.createStatement(); ResultSet rs = statement.executeQuery("""
				select nspname from pg_namespace
				where nspname <> 'information_schema' and nspname not like 'pg\\_%' order by nspname""")) {
			while (rs.next()) {
				schemas.add(rs.getString(1));
			}
		}
		try (Statement statement = owner.createStatement()) {
			for (String name : schemas) {
				String schema = identifier(name);
				statement.execute("grant usage on schema " + schema + " to " + app);
				statement.execute("revoke create on schema " + schema + " from " + app);
				statement.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + app);
				statement.execute("grant usage, select on all sequences in schema " + schema + " to " + app);
				statement.execute("alter default privileges in schema " + schema
						+ " grant select, insert, update, delete on tables to " + app);
				statement.execute("alter default privileges in schema " + schema + " grant usage, select on sequences to " + app);
			}
			for (Map.Entry<String, String> table : RESTRICTED.entrySet()) {
				String name = table.getKey();
				if (!exists(owner, name)) {
					continue;
				}
				statement.execute("revoke all on " + name + " from " + app);
				if (!table.getValue().isEmpty()) {
					statement.execute("grant " + table.getValue() + " on " + name + " to " + app);
				}
			}
		}
		log.info("Database role {} granted row access to the tables of {} (owner: {})", role, schemas, ownerRole);
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		try (var statement = connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	static String identifier(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}
}
