package nl.weerbaar.registry;

/** The political functions Weerbaar supports people in, each served in one kind of body. */
public enum OfficeFunction {
	MAYOR(BodyKind.MUNICIPALITY),
	ALDERMAN(BodyKind.MUNICIPALITY),
	COUNCIL_MEMBER(BodyKind.MUNICIPALITY),
	PROVINCIAL_COUNCIL_MEMBER(BodyKind.PROVINCE),
	PROVINCIAL_EXECUTIVE(BodyKind.PROVINCE),
	KINGS_COMMISSIONER(BodyKind.PROVINCE),
	WATER_BOARD_MEMBER(BodyKind.WATER_BOARD);

	private final BodyKind bodyKind;

	OfficeFunction(BodyKind bodyKind) {
		this.bodyKind = bodyKind;
	}

	/** The kind of body this function is held in (a mayor serves a municipality). */
	public BodyKind bodyKind() {
		return bodyKind;
	}

	/** Only one person holds this function in a body at a time. */
	public boolean isSingleSeat() {
		return this == MAYOR || this == KINGS_COMMISSIONER;
	}
}
