package nl.weerbaar.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Where a sealed value is stored: table, column and row. It is bound into the ciphertext as associated data, so a
 * ciphertext copied to another row, column or table does not open.
 */
public record FieldLocation(String table, String column, String rowId) {

	public FieldLocation {
		if (table == null || column == null || rowId == null || table.isBlank() || column.isBlank() || rowId.isBlank()) {
			throw new IllegalArgumentException("a field location names its table, column and row");
		}
	}

	byte[] associatedData(SubjectId subject) {
		return String.join("\u001f", "weerbaar-field-v1", table, column, rowId, subject.toString())
			.getBytes(StandardCharsets.UTF_8);
	}
}
