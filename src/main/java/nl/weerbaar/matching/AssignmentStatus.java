package nl.weerbaar.matching;

/** A proposal and what became of it: accepted, declined, expired, withdrawn by a coordinator, or ended with the request. */
public enum AssignmentStatus {
	PROPOSED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN, ENDED
}
