package nl.weerbaar.registry;

/** A record a person's account can be linked to, as the audit trail names it. */
public enum LinkedRecord {
	OFFICE_HOLDER, HOME_FRONT_MEMBER, SUPPORTER
}
