package nl.weerbaar.audit;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact true when every record's hash follows from its content and the previous hash, without gaps, up to
 *        the recorded head
 * @param checked how many records were walked
 * @param firstBrokenSeq the first record that does not fit, or null when intact
 * @param problem what is wrong with it, or null
 * @param headSeq the newest seq in the chain
 * @param headHash its hash in hex
 */
public record Verification(boolean intact, long checked, Long firstBrokenSeq, String problem, long headSeq,
		String headHash) {
}
