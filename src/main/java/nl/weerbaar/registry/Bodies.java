package nl.weerbaar.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.weerbaar.shared.SearchText;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the public bodies (reference data from a migration; see db/reference/SOURCES.md). */
@Service
@Transactional(readOnly = true)
public class Bodies {

	private static final String SELECT = """
			select b.code, b.name, b.kind, b.province_code, p.name as province_name,
			       array(select bp.province_code from body_province bp where bp.body_code = b.code
			             order by bp.province_code) as province_codes,
			       array(select pn.name from body_province bp join body pn on pn.code = bp.province_code
			             where bp.body_code = b.code order by bp.province_code) as province_names
			from body b
			left join body p on p.code = b.province_code
			""";

	private static final String FILTER = """
			where (cast(:kind as text) is null or b.kind = :kind)
			  and (cast(:province as text) is null
			       or exists (select 1 from body_province bp where bp.body_code = b.code and bp.province_code = :province))
			  and (cast(:q as text) is null or b.name ilike :q escape '\\' or b.code ilike :q escape '\\')
			""";

	private final JdbcClient jdbc;

	Bodies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Bodies by name; every filter is optional. {@code q} matches part of the name or the code. */
	public Page<Body> find(BodyKind kind, String provinceCode, String q, Pageable pageable) {
		String kindName = kind == null ? null : kind.name();
		String province = blankToNull(provinceCode);
		String pattern = SearchText.containsPattern(q);
		long total = jdbc.sql("select count(*) from body b " + FILTER)
			.param("kind", kindName)
			.param("province", province == null ? null : province.toUpperCase(Locale.ROOT))
			.param("q", pattern)
			.query(Long.class)
			.single();
		List<Body> content = jdbc.sql(SELECT + FILTER + " order by b.name, b.code limit :limit offset :offset")
			.param("kind", kindName)
			.param("province", province == null ? null : province.toUpperCase(Locale.ROOT))
			.param("q", pattern)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Bodies::body)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	public Optional<Body> byCode(String code) {
		return jdbc.sql(SELECT + " where b.code = :code")
			.param("code", code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
			.query(Bodies::body)
			.optional();
	}

	/** The bodies with these codes, by code; unknown codes are left out. */
	public java.util.Map<String, Body> byCodes(java.util.Collection<String> codes) {
		if (codes.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<String, Body> found = new java.util.HashMap<>();
		jdbc.sql(SELECT + " where b.code in (:codes)").param("codes", codes).query(Bodies::body).list()
			.forEach(body -> found.put(body.code(), body));
		return found;
	}

	/** The kind of each of these codes that names a body; unknown codes are left out. */
	public java.util.Map<String, BodyKind> kindsOf(java.util.Collection<String> codes) {
		java.util.Map<String, BodyKind> kinds = new java.util.HashMap<>();
		if (!codes.isEmpty()) {
			jdbc.sql("select code, kind from body where code in (:codes)")
				.param("codes", codes)
				.query(rs -> {
					kinds.put(rs.getString("code"), BodyKind.valueOf(rs.getString("kind")));
				});
		}
		return kinds;
	}

	/** The twelve provinces, by name: for filters and pick lists. */
	public List<Body> provinces() {
		return jdbc.sql(SELECT + " where b.kind = 'PROVINCE' order by b.name").query(Bodies::body).list();
	}

	private static Body body(ResultSet rs, int row) throws SQLException {
		return new Body(rs.getString("code"), rs.getString("name"), BodyKind.valueOf(rs.getString("kind")),
				rs.getString("province_code"), rs.getString("province_name"), strings(rs.getArray("province_codes")),
				strings(rs.getArray("province_names")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
