/// Text people read, in Chinese and (optionally) English. In content it is a
/// plain string (Chinese) or a map `{zh: "…", en: "…"}`.
public struct BilingualText: Sendable, Hashable {
    public var zh: String?
    public var en: String?

    public init(zh: String? = nil, en: String? = nil) {
        self.zh = zh.flatMap { $0.isEmpty ? nil : $0 }
        self.en = en.flatMap { $0.isEmpty ? nil : $0 }
    }

    public subscript(language: Language) -> String? {
        switch language {
        case .zh: zh
        case .en: en
        }
    }

    /// The text in `language`, or the other language's text marked as a fallback.
    public func localized(_ language: Language) -> LocalizedText {
        if let text = self[language] {
            return LocalizedText(text: text, language: language, isFallback: false)
        }
        let other: Language = language == .zh ? .en : .zh
        return LocalizedText(text: self[other] ?? "", language: other, isFallback: true)
    }

    public func hasText(in language: Language) -> Bool { self[language] != nil }

    public var isEmpty: Bool { zh == nil && en == nil }
}

/// Text chosen for one language, saying whether it is a stand-in from the other.
public struct LocalizedText: Sendable, Hashable {
    public var text: String
    /// The language the text is really in.
    public var language: Language
    /// True when the wanted language was missing ("translation pending").
    public var isFallback: Bool
}
