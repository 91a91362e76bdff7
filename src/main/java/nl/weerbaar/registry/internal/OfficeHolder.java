package nl.weerbaar.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Term;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An office holder and their terms. Contact details are held sealed; the registry seals and opens them. */
@Table("office_holder")
public class OfficeHolder {

	@Id
	private final UUID id;
	@Version
	private Long version;
	private String name;
	private String party;
	@Column("email")
	private byte[] sealedEmail;
	@Column("phone")
	private byte[] sealedPhone;
	private String externalId;
	private UUID accountId;
	private final Instant createdAt;
	private Instant updatedAt;
	@MappedCollection(idColumn = "office_holder_id")
	private Set<OfficeTerm> terms;

	OfficeHolder(UUID id, Long version, String name, String party, byte[] sealedEmail, byte[] sealedPhone,
			String externalId, UUID accountId, Instant createdAt, Instant updatedAt, Set<OfficeTerm> terms) {
		this.id = id;
		this.version = version;
		this.name = name;
		this.party = party;
		this.sealedEmail = sealedEmail;
		this.sealedPhone = sealedPhone;
		this.externalId = externalId;
		this.accountId = accountId;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.terms = terms;
	}

	public static OfficeHolder create(UUID id, Instant now) {
		return new OfficeHolder(id, null, null, null, null, null, null, null, now, now, Set.of());
	}

	public void change(String name, String party, byte[] sealedEmail, byte[] sealedPhone, String externalId,
			UUID accountId, List<Term> terms, Instant now) {
		this.accountId = accountId;
		this.name = name;
		this.party = party;
		this.sealedEmail = sealedEmail;
		this.sealedPhone = sealedPhone;
		this.externalId = externalId;
		this.terms = terms.stream()
			.map(term -> new OfficeTerm(term.function(), term.bodyCode(), term.start(), term.end()))
			.collect(Collectors.toSet());
		this.updatedAt = now;
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String party() {
		return party;
	}

	public byte[] sealedEmail() {
		return sealedEmail;
	}

	public byte[] sealedPhone() {
		return sealedPhone;
	}

	public String externalId() {
		return externalId;
	}

	/** The CLIENT account of this office holder, if they have one. */
	public UUID accountId() {
		return accountId;
	}

	/** Newest first. */
	public List<Term> terms() {
		return terms.stream()
			.map(OfficeTerm::toTerm)
			.sorted(Comparator.comparing(Term::start).reversed())
			.toList();
	}

	@Table("office_term")
	record OfficeTerm(OfficeFunction function, String bodyCode, LocalDate startDate, LocalDate endDate) {

		Term toTerm() {
			return new Term(function, bodyCode, startDate, endDate);
		}
	}
}
