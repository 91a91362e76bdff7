package nl.weerbaar.registry;

import java.util.List;

/**
 * A public body.
 *
 * @param code CBS code ({@code GM0363}, {@code PV27}) or TOOI code for a water board ({@code WS0155})
 * @param provinceCode the province of a municipality; null for provinces and water boards
 * @param provinceName that province's name
 * @param provinceCodes every province the body lies in: a municipality's own, a province itself, each province a
 *        water board's area touches
 * @param provinceNames the names of those provinces, in the same order
 */
public record Body(String code, String name, BodyKind kind, String provinceCode, String provinceName,
		List<String> provinceCodes, List<String> provinceNames) {
}
