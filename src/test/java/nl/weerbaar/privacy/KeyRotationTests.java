package nl.weerbaar.privacy;

import java.util.UUID;

import nl.weerbaar.privacy.internal.KeyEncryptionKey;
import nl.weerbaar.privacy.internal.Keyring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotating the key-encryption key re-wraps every data key while values stay readable. On a database of its own. */
@SpringBootTest
@TestPropertySource(properties = "weerbaar.test.database=privacy_rotation")
class KeyRotationTests {

	@Autowired
	PersonalData personalData;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	Keyring keyring;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rotationRewrapsEveryDataKeyAndEveryValueStillOpens() {
		FieldLocation note = new FieldLocation("contact", "note", "1");
		SubjectId[] people = new SubjectId[30];
		byte[][] sealed = new byte[30][];
		for (int i = 0; i < people.length; i++) {
			people[i] = new SubjectId(UUID.randomUUID());
			sealed[i] = personalData.seal(people[i], note, "note " + i);
		}
		long oldPrimary = jdbc.sql("select kek_key_id from keyring.data_key where subject_id = ?")
			.param(people[0].value()).query(Long.class).single();

		long newPrimary = kek.rotate();
		int rewrapped = keyring.rewrapAll();

		assertThat(newPrimary).isNotEqualTo(oldPrimary);
		assertThat(rewrapped).isGreaterThanOrEqualTo(people.length);
		assertThat(jdbc.sql("select count(*) from keyring.data_key where wrapped is not null and kek_key_id <> ?")
			.param(newPrimary).query(Long.class).single()).isZero();
		for (int i = 0; i < people.length; i++) {
			assertThat(personalData.open(people[i], note, sealed[i])).contains("note " + i);
		}
		assertThat(keyring.rewrapAll()).as("nothing left to do").isZero();
	}
}
