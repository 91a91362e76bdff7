package nl.weerbaar.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import nl.weerbaar.privacy.PersonalData.DataErased;
import nl.weerbaar.privacy.PersonalData.TamperedData;
import nl.weerbaar.privacy.internal.Keyring;
import nl.weerbaar.privacy.internal.Shredder;
import nl.weerbaar.testing.TestDatabase;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WebTest
class PersonalDataTests {

	/** Probe tables and the server's files are the owner's business: the application's role may not make tables. */
	private final JdbcClient owner = JdbcClient.create(TestDatabase.dataSource("weerbaar"));

	@Autowired
	PersonalData personalData;

	@Autowired
	Shredder shredder;

	@Autowired
	Keyring keyring;

	@Autowired
	JdbcClient jdbc;

	private final SubjectId mayor = new SubjectId(UUID.randomUUID());
	private final FieldLocation phone = new FieldLocation("office_holder", "phone", "row-1");

	@Test
	void aSealedValueOpensAtItsOwnPlace() {
		byte[] sealed = personalData.seal(mayor, phone, "+31 6 1234 5678");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("1234");
		assertThat(personalData.open(mayor, phone, sealed)).contains("+31 6 1234 5678");
		assertThat(personalData.seal(mayor, phone, null)).isNull();
	}

	@Test
	void aCiphertextMovedToAnotherRowColumnTableOrPersonDoesNotOpen() {
		byte[] sealed = personalData.seal(mayor, phone, "Dorpsstraat 1");
		assertThatThrownBy(() -> personalData.open(mayor, new FieldLocation("office_holder", "phone", "row-2"), sealed))
			.isInstanceOf(TamperedData.class);
		assertThatThrownBy(() -> personalData.open(mayor, new FieldLocation("office_holder", "email", "row-1"), sealed))
			.isInstanceOf(TamperedData.class);
		assertThatThrownBy(() -> personalData.open(mayor, new FieldLocation("home_front", "phone", "row-1"), sealed))
			.isInstanceOf(TamperedData.class);
		SubjectId alderman = new SubjectId(UUID.randomUUID());
		personalData.seal(alderman, phone, "their own value");
		assertThatThrownBy(() -> personalData.open(alderman, phone, sealed)).isInstanceOf(TamperedData.class);
		byte[] flipped = sealed.clone();
		flipped[flipped.length - 1] ^= 1;
		assertThatThrownBy(() -> personalData.open(mayor, phone, flipped)).isInstanceOf(TamperedData.class);
	}

	@Test
	void afterShreddingNothingOfThePersonOpensAndNothingNewIsStored() {
		byte[] sealed = personalData.seal(mayor, phone, "+31 6 8765 4321");
		shredder.shred(mayor, "TEST", null);
		assertThat(personalData.open(mayor, phone, sealed)).isEmpty();
		assertThat(keyring.isDestroyed(mayor)).isTrue();
		assertThatThrownBy(() -> personalData.seal(mayor, phone, "anything")).isInstanceOf(DataErased.class);
		assertThat(jdbc.sql("select wrapped is null from keyring.data_key where subject_id = ?").param(mayor.value())
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aDumpTakenBeforeShreddingCannotBeOpenedWithTheKeysThatRemain() {
		owner.sql("create table if not exists dump_probe (subject uuid, row_id text, sealed bytea)").update();
		byte[] sealed = personalData.seal(mayor, phone, "dump marker 1");
		owner.sql("insert into dump_probe values (?, 'row-1', ?)").params(mayor.value(), sealed).update();
		// the dump: the data as a backup holds it (the keyring is backed up apart)
		byte[] dumped = owner.sql("select sealed from dump_probe where subject = ?").param(mayor.value()).query(byte[].class).single();
		SubjectId other = new SubjectId(UUID.randomUUID());
		byte[] othersSealed = personalData.seal(other, phone, "someone else");

		shredder.shred(mayor, "TEST", null);

		assertThat(personalData.open(mayor, phone, dumped)).isEmpty();
		assertThat(personalData.open(other, phone, othersSealed)).as("other people are untouched").contains("someone else");
		// no other key in the keyring opens it either
		jdbc.sql("select subject_id from keyring.data_key where wrapped is not null").query(UUID.class).list()
			.forEach(subject -> assertThatThrownBy(() -> personalData.open(new SubjectId(subject), phone, dumped))
				.isInstanceOf(TamperedData.class));
	}

	@Test
	void sealedValuesNeverReachTheDatabaseFilesInPlainText() throws IOException {
		String control = "PLAIN-CONTROL-" + UUID.randomUUID();
		String marker = "SEALED-MARKER-" + UUID.randomUUID();
		owner.sql("create table if not exists disk_probe (note text, sealed bytea)").update();
		owner.sql("insert into disk_probe values (?, ?)")
			.params(control, personalData.seal(mayor, phone, marker))
			.update();
		owner.sql("checkpoint").update();
		Path dataDirectory = Path.of(owner.sql("show data_directory").query(String.class).single());
		assertThat(filesContaining(dataDirectory, control)).as("the scan finds what is stored in plain text").isTrue();
		assertThat(filesContaining(dataDirectory, marker)).as("sealed values are not on disk in plain text").isFalse();
		String copied = owner.sql("select string_agg(note || encode(sealed, 'escape'), ',') from disk_probe")
			.query(String.class).single();
		assertThat(copied).contains(control).doesNotContain(marker);
	}

	private static boolean filesContaining(Path directory, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("postmaster.pid"))
				.anyMatch(file -> contains(read(file), needle));
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			return new byte[0];
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer:
		for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
