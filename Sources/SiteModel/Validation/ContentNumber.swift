/// The one reader of numbers written in content (YAML values and CSV cells),
/// with the ranges every later stage relies on: a number that passes here can
/// be added, scaled by 100, rounded and converted to `Int` anywhere in the
/// renderer without overflow or a trap.
///
/// - Decimals (indicator baselines, targets and values; percentages; losses):
///   plain decimal notation, an optional sign, an optional exponent, and a
///   magnitude of at most `maximumMagnitude` (10¹²) — no `inf`, `nan`,
///   hexadecimal or 1e300.
/// - Counts (accidents, deaths, injuries, copies): ASCII digits only, at most
///   `maximumCount` (10⁹). A million rows of them sum to at most 10¹⁵, far
///   inside `Int`.
public enum ContentNumber {
    /// The largest magnitude of a decimal value: 10¹² (a trillion 万元 is more than any budget).
    public static let maximumMagnitude = 1e12
    /// The largest count in one cell or value: 10⁹.
    public static let maximumCount = 1_000_000_000

    public enum Failure: Error, Equatable, Sendable {
        /// Not written as a decimal number (`abc`, `0x10`, `inf`, `nan`, `1,2`).
        case notANumber
        /// A number, but beyond the range content may use.
        case outOfRange
        /// A count written with a sign, a fraction or an exponent.
        case notWhole
        /// A count below zero.
        case negative
    }

    /// A decimal number: `12`, `-3.5`, `+2`, `.5`, `1e3`, `2.5E-2`.
    public static func decimal(_ text: String) -> Result<Double, Failure> {
        guard isDecimalSyntax(text) else { return .failure(.notANumber) }
        guard let value = Double(text), value.isFinite else { return .failure(.outOfRange) }
        guard abs(value) <= maximumMagnitude else { return .failure(.outOfRange) }
        return .success(value == 0 ? 0 : value)   // no -0
    }

    /// A count: ASCII digits, at most `maximumCount`.
    public static func count(_ text: String) -> Result<Int, Failure> {
        let utf8 = text.utf8
        guard !utf8.isEmpty else { return .failure(.notANumber) }
        if utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            // At most 10 digits can be ≤ 10⁹; longer strings of digits are out of range without parsing.
            let significant = utf8.drop(while: { $0 == 0x30 })
            guard significant.count <= 10, let value = Int(text), value <= maximumCount else { return .failure(.outOfRange) }
            return .success(value)
        }
        switch decimal(text) {
        case .success(let value): return .failure(value < 0 ? .negative : .notWhole)
        case .failure(let failure): return .failure(failure)
        }
    }

    /// Sign, digits with at most one decimal point, an optional exponent.
    static func isDecimalSyntax(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return false }
        var index = 0
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = 0, point = false
        while index < bytes.count {
            let byte = bytes[index]
            if (0x30...0x39).contains(byte) { digits += 1 } else if byte == UInt8(ascii: "."), !point { point = true } else { break }
            index += 1
        }
        guard digits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }
        return index == bytes.count
    }

    /// The message part that says what is wrong, both languages.
    public static func explain(_ failure: Failure, _ what: String, _ text: String, whole: Bool) -> String {
        let shown = "\"\(text)\""
        switch failure {
        case .notANumber:
            return whole ? "\(what) 应为非负整数 (\(what) must be a whole number): \(shown)"
                         : "\(what) 应为数字 (\(what) must be a number): \(shown)"
        case .outOfRange:
            return whole ? "\(what) 超出范围 (\(what) is out of range, at most \(maximumCount)): \(shown)"
                         : "\(what) 超出范围 (\(what) is out of range, at most 10^12 in size): \(shown)"
        case .notWhole: return "\(what) 应为整数 (\(what) must be a whole number): \(shown)"
        case .negative: return "\(what) 不能为负数 (\(what) cannot be negative): \(shown)"
        }
    }

    /// The diagnostic code for a failure.
    public static func code(_ failure: Failure) -> DiagnosticCode {
        switch failure {
        case .notANumber, .notWhole: .invalidNumber
        case .outOfRange: .numberOutOfRange
        case .negative: .negativeCount
        }
    }
}
