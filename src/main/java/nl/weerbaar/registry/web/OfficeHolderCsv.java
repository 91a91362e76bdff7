package nl.weerbaar.registry.web;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.OfficeHolderImport.Entry;
import nl.weerbaar.registry.OfficeHolderImport.LineError;
import nl.weerbaar.registry.OfficeHolderImport.Refused;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Term;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a griffie's list of office holders: a CSV file with the header
 * {@code external_id,name,email,phone,party,function,body_code,start,end}, one line per term; the lines of one
 * person share an external id (their own fields are taken from their first line). Separator: comma or semicolon.
 */
final class OfficeHolderCsv {

	static final List<String> COLUMNS = List.of("external_id", "name", "email", "phone", "party", "function", "body_code",
			"start", "end");

	private OfficeHolderCsv() {
	}

	static List<Entry> parse(Reader reader, char separator) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(separator)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		List<LineError> errors = new ArrayList<>();
		Map<String, Person> people = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
			if (!missing.isEmpty()) {
				throw new Refused(missing.stream().map(column -> new LineError(1, column, "import.column.missing")).toList());
			}
			for (CSVRecord record : parser) {
				int line = (int) parser.getCurrentLineNumber();
				String externalId = record.get("external_id");
				Person person = people.computeIfAbsent(externalId.isBlank() ? "line-" + line : externalId,
						key -> new Person(record, line));
				Term term = term(record, line, errors);
				if (term != null) {
					person.terms.add(term);
					person.lines.add(line);
				}
			}
		}
		catch (IllegalStateException | java.io.UncheckedIOException malformed) {
			throw new Refused(List.of(new LineError(0, "file", "import.file.malformed")));
		}
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		return people.values().stream().map(Person::entry).toList();
	}

	private static Term term(CSVRecord record, int line, List<LineError> errors) {
		OfficeFunction function = null;
		try {
			function = OfficeFunction.valueOf(record.get("function").toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			errors.add(new LineError(line, "function", "import.function.invalid"));
		}
		LocalDate start = date(record.get("start"), line, "start", errors);
		LocalDate end = date(record.get("end"), line, "end", errors);
		return function == null ? null : new Term(function, record.get("body_code").toUpperCase(Locale.ROOT), start, end);
	}

	private static LocalDate date(String value, int line, String field, List<LineError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException invalid) {
			errors.add(new LineError(line, field, "import.date.invalid"));
			return null;
		}
	}

	private static final class Person {

		final String externalId;
		final String name;
		final String email;
		final String phone;
		final String party;
		final List<Term> terms = new ArrayList<>();
		final List<Integer> lines = new ArrayList<>();
		final int firstLine;

		Person(CSVRecord record, int line) {
			externalId = record.get("external_id");
			name = record.get("name");
			email = record.get("email");
			phone = record.get("phone");
			party = record.get("party");
			firstLine = line;
		}

		Entry entry() {
			List<Integer> termLines = lines.isEmpty() ? List.of(firstLine) : lines;
			return new Entry(termLines, new OfficeHolderData(name, email, phone, party, externalId, terms, null));
		}
	}
}
