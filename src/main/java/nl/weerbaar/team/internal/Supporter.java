package nl.weerbaar.team.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Term;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.Gender;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.SupporterView;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A supporter and what matching needs to know of them. Contact details are held sealed. */
@Table("supporter")
public class Supporter {

	@Id
	private final UUID id;
	@Version
	private Long version;
	String name;
	SupporterKind kind;
	String organisation;
	String provinceCode;
	int capacity;
	boolean active;
	Gender gender;
	String party;
	@Column("email")
	byte[] sealedEmail;
	@Column("phone")
	byte[] sealedPhone;
	String externalId;
	UUID accountId;
	private final Instant createdAt;
	Instant updatedAt;
	@MappedCollection(idColumn = "supporter_id")
	Set<HeldTerm> terms = Set.of();
	@MappedCollection(idColumn = "supporter_id")
	Set<ExpertiseRow> expertise = Set.of();
	@MappedCollection(idColumn = "supporter_id")
	Set<LanguageRow> languages = Set.of();
	@MappedCollection(idColumn = "supporter_id")
	Set<Absence> absences = Set.of();
	@MappedCollection(idColumn = "supporter_id")
	Set<Training> trainings = Set.of();

	Supporter(UUID id, Long version, Instant createdAt) {
		this.id = id;
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Supporter create(UUID id, Instant now) {
		Supporter supporter = new Supporter(id, null, now);
		supporter.updatedAt = now;
		return supporter;
	}

	public UUID id() {
		return id;
	}

	public UUID accountId() {
		return accountId;
	}

	public List<Term> terms() {
		return terms.stream().map(HeldTerm::toTerm).sorted(Comparator.comparing(Term::start).reversed()).toList();
	}

	public Set<Expertise> expertise() {
		return expertise.stream().map(ExpertiseRow::expertise).collect(Collectors.toSet());
	}

	public Set<String> languages() {
		return languages.stream().map(LanguageRow::language).collect(Collectors.toSet());
	}

	/** Takes the supporter's data as given (already checked); contact details arrive sealed. */
	public void change(SupporterData data, byte[] sealedEmail, byte[] sealedPhone, Instant now) {
		name = data.name().strip();
		kind = data.kind();
		organisation = blankToNull(data.organisation());
		provinceCode = blankToNull(data.provinceCode());
		capacity = data.capacity();
		active = data.active() == null || data.active();
		gender = data.gender();
		party = blankToNull(data.party());
		this.sealedEmail = sealedEmail;
		this.sealedPhone = sealedPhone;
		externalId = blankToNull(data.externalId());
		accountId = data.accountId();
		setTerms(data.terms() == null ? List.of() : data.terms());
		setExpertise(data.expertise() == null ? Set.of() : data.expertise());
		setLanguages(data.languages() == null ? Set.of() : data.languages());
		absences = data.absences() == null ? Set.of()
				: data.absences().stream().map(a -> new Absence(a.from(), a.to())).collect(Collectors.toSet());
		trainings = data.trainings() == null ? Set.of()
				: data.trainings().stream().map(t -> new Training(t.name().strip(), t.completedOn())).collect(Collectors.toSet());
		updatedAt = now;
	}

	/** How this supporter would look with {@code data} applied, without changing anything stored (for comparing). */
	public SupporterView preview(SupporterData data, String email, String phone) {
		Supporter copy = new Supporter(id, version, createdAt);
		copy.change(data, null, null, updatedAt);
		return copy.view(email, phone);
	}

	/** The supporter as the API and pages show them, with contact details opened by the caller. */
	public SupporterView view(String email, String phone) {
		return new SupporterView(id, name, email, phone, party, terms(), kind, organisation, expertise(), languages(),
				provinceCode, capacity, active, gender,
				absences.stream().map(a -> new SupporterData.Period(a.fromDate(), a.toDate()))
					.sorted(Comparator.comparing(SupporterData.Period::from)).toList(),
				trainings.stream().map(t -> new SupporterData.CompletedTraining(t.name(), t.completedOn()))
					.sorted(Comparator.comparing(SupporterData.CompletedTraining::completedOn)).toList(),
				externalId, accountId);
	}

	public byte[] sealedEmail() {
		return sealedEmail;
	}

	public byte[] sealedPhone() {
		return sealedPhone;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	void setTerms(List<Term> held) {
		terms = held.stream().map(t -> new HeldTerm(t.function(), t.bodyCode(), t.start(), t.end())).collect(Collectors.toSet());
	}

	void setExpertise(Set<Expertise> tags) {
		expertise = tags.stream().map(ExpertiseRow::new).collect(Collectors.toSet());
	}

	void setLanguages(Set<String> codes) {
		languages = codes.stream().map(LanguageRow::new).collect(Collectors.toSet());
	}

	@Table("supporter_term")
	record HeldTerm(OfficeFunction function, String bodyCode, LocalDate startDate, LocalDate endDate) {

		Term toTerm() {
			return new Term(function, bodyCode, startDate, endDate);
		}
	}

	@Table("supporter_expertise")
	record ExpertiseRow(Expertise expertise) {
	}

	@Table("supporter_language")
	record LanguageRow(String language) {
	}

	@Table("supporter_absence")
	public record Absence(LocalDate fromDate, LocalDate toDate) {
	}

	@Table("supporter_training")
	public record Training(String name, LocalDate completedOn) {
	}
}
