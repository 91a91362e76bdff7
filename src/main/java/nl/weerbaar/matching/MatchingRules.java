package nl.weerbaar.matching;

/**
 * The settings of the matching policy ({@code weerbaar.matching.rules.*}).
 *
 * @param hierarchyGapYears terms less than this many years apart still count as a relation (4)
 * @param sameBody serving in the same body is a relation
 * @param provinceOverLocal a province and a municipality or water board in it are a relation
 * @param region whether a supporter in the same province scores ({@code NEARBY}: home visits) or one elsewhere
 *        ({@code FAR}: discretion)
 * @param weights the points each criterion can add
 */
public record MatchingRules(int hierarchyGapYears, boolean sameBody, boolean provinceOverLocal, Region region,
		Weights weights) {

	public enum Region {
		NEARBY, FAR
	}

	/** Points per criterion at full match; a partial match gets a share. */
	public record Weights(int association, int expertise, int region, int language, int continuity, int load,
			int experience, int wishes) {
	}
}
