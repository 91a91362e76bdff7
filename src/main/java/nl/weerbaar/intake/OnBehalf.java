package nl.weerbaar.intake;

/** Someone asking on an office holder's behalf: their name and role (sealed), e.g. the griffier. */
public record OnBehalf(String name, OnBehalfRole role, String roleDescription) {
}
