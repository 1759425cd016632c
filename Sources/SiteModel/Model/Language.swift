/// A language of the site. Chinese is the default and is served at `/`.
public enum Language: String, Sendable, Hashable, CaseIterable, Comparable {
    case zh
    case en

    /// The value for `<html lang>` and `hreflang`.
    public var tag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs == .zh && rhs == .en
    }

    /// The other language of the pair.
    public var other: Language { self == .zh ? .en : .zh }
}
