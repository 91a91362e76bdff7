package nl.weerbaar.team.web;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.OfficeHolderImport.LineError;
import nl.weerbaar.registry.OfficeHolderImport.Refused;
import nl.weerbaar.registry.Term;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.Team.SupporterImportEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads supporters from CSV with the header
 * {@code external_id,name,email,phone,kind,organisation,province_code,capacity,expertise,languages,function,body_code,start,end}:
 * expertise and languages separated by {@code |}; one line per function held (the function columns may be empty);
 * the lines of one supporter share an external id.
 */
final class SupporterCsv {

	static final List<String> COLUMNS = List.of("external_id", "name", "email", "phone", "kind", "organisation",
			"province_code", "capacity", "expertise", "languages", "function", "body_code", "start", "end");

	private SupporterCsv() {
	}

	static List<SupporterImportEntry> parse(Reader reader, char separator) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setHeader().setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true).setTrim(true).get();
		List<LineError> errors = new ArrayList<>();
		Map<String, Row> rows = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
			if (!missing.isEmpty()) {
				throw new Refused(missing.stream().map(column -> new LineError(1, column, "import.column.missing")).toList());
			}
			for (CSVRecord record : parser) {
				int line = (int) parser.getCurrentLineNumber();
				String key = record.get("external_id").isBlank() ? "line-" + line : record.get("external_id");
				Row row = rows.computeIfAbsent(key, k -> new Row(record, line, errors));
				if (!record.get("function").isBlank()) {
					try {
						row.terms.add(new Term(OfficeFunction.valueOf(record.get("function").toUpperCase(Locale.ROOT)),
								record.get("body_code").toUpperCase(Locale.ROOT), date(record.get("start")), date(record.get("end"))));
					}
					catch (IllegalArgumentException | DateTimeParseException invalid) {
						errors.add(new LineError(line, "function", "import.term.invalid"));
					}
				}
			}
		}
		catch (IllegalStateException | java.io.UncheckedIOException malformed) {
			throw new Refused(List.of(new LineError(0, "file", "import.file.malformed")));
		}
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		return rows.values().stream().map(Row::entry).toList();
	}

	private static LocalDate date(String value) {
		return value == null || value.isBlank() ? null : LocalDate.parse(value);
	}

	private static final class Row {

		final CSVRecord first;
		final int line;
		final List<Term> terms = new ArrayList<>();
		SupporterKind kind;
		int capacity;
		Set<Expertise> expertise = new LinkedHashSet<>();

		Row(CSVRecord record, int line, List<LineError> errors) {
			this.first = record;
			this.line = line;
			try {
				kind = SupporterKind.valueOf(record.get("kind").toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				errors.add(new LineError(line, "kind", "import.kind.invalid"));
			}
			try {
				capacity = Integer.parseInt(record.get("capacity"));
			}
			catch (NumberFormatException notANumber) {
				errors.add(new LineError(line, "capacity", "supporter.capacity.range"));
			}
			for (String tag : split(record.get("expertise"))) {
				try {
					expertise.add(Expertise.valueOf(tag.toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException unknown) {
					errors.add(new LineError(line, "expertise", "import.expertise.invalid"));
				}
			}
		}

		SupporterImportEntry entry() {
			return new SupporterImportEntry(line, new SupporterData(first.get("name"), first.get("email"), first.get("phone"),
					null, terms, kind, first.get("organisation"), expertise, new LinkedHashSet<>(split(first.get("languages"))),
					first.get("province_code"), capacity, true, null, List.of(), List.of(), first.get("external_id"), null));
		}

		private static List<String> split(String value) {
			return value == null || value.isBlank() ? List.of()
					: Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
	}
}
