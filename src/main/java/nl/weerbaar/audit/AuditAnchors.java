package nl.weerbaar.audit;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The (seq, hash) pairs anchored outside the database, read from a shipped audit stream: JSON lines of records and
 * heads (as a file collector keeps them, or behind a syslog header), and the lines of {@code weerbaar.audit.head-file}.
 * Other lines are passed over. Feed them to {@link AuditTrail#verify(SortedMap)}.
 */
public final class AuditAnchors {

	private static final Pattern JSON_SEQ = Pattern.compile("\"seq\":(\\d+)");
	private static final Pattern JSON_HASH = Pattern.compile("\"hash\":\"([0-9a-f]{64})\"");
	private static final Pattern HEAD_FILE = Pattern.compile("seq=(\\d+) sha256=([0-9a-f]{64})");

	private AuditAnchors() {
	}

	public static SortedMap<Long, String> parse(List<String> lines) {
		SortedMap<Long, String> anchors = new TreeMap<>();
		for (String line : lines) {
			Matcher seq = JSON_SEQ.matcher(line);
			Matcher hash = JSON_HASH.matcher(line);
			if (seq.find() && hash.find()) {
				anchors.put(Long.parseLong(seq.group(1)), hash.group(1));
				continue;
			}
			Matcher head = HEAD_FILE.matcher(line);
			if (head.find()) {
				anchors.put(Long.parseLong(head.group(1)), head.group(2));
			}
		}
		// the empty chain's head anchors nothing
		anchors.remove(0L);
		return anchors;
	}
}
