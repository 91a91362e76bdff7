package nl.weerbaar.registry.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.PersonalDataSource;
import nl.weerbaar.privacy.SubjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry's part of a person's data export: their office-holder record and terms, or their home-front entry. */
@Component
class RegistryPersonalData implements PersonalDataSource {

	private final OfficeHolders officeHolders;
	private final PersonalData personalData;
	private final JdbcClient jdbc;

	RegistryPersonalData(OfficeHolders officeHolders, PersonalData personalData, JdbcClient jdbc) {
		this.officeHolders = officeHolders;
		this.personalData = personalData;
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "registry";
	}

	@Override
	public Map<String, Object> export(SubjectId subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		UUID id = subject.value();
		officeHolders.findById(id).ifPresent(holder -> {
			section.put("name", holder.name());
			section.put("party", holder.party());
			section.put("email", open(subject, "office_holder", "email", id, holder.sealedEmail()));
			section.put("phone", open(subject, "office_holder", "phone", id, holder.sealedPhone()));
			section.put("terms", holder.terms().stream().map(Object::toString).toList());
			section.put("homeFrontMembers", jdbc.sql("select count(*) from home_front_member where office_holder_id = ?")
				.param(id).query(Long.class).single());
		});
		jdbc.sql("select * from home_front_member where id = ?").param(id).query(rs -> {
			section.put("homeFrontOf", rs.getObject("office_holder_id", UUID.class).toString());
			section.put("relation", rs.getString("relation"));
			section.put("ageBand", rs.getString("age_band"));
			for (String column : List.of("name", "email", "phone")) {
				section.put(column, open(subject, "home_front_member", column, id, rs.getBytes(column)));
			}
		});
		return section;
	}

	private String open(SubjectId subject, String table, String column, UUID row, byte[] sealed) {
		return personalData.open(subject, new FieldLocation(table, column, row.toString()), sealed).orElse(null);
	}
}
