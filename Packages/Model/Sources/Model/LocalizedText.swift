import Foundation

/// A language that residents and decision makers may read.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    case fi, sv, en
}

/// A text in Finnish, Swedish and English; any of them may be missing.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var fi: String?
    public var sv: String?
    public var en: String?

    public init(fi: String? = nil, sv: String? = nil, en: String? = nil) {
        self.fi = fi
        self.sv = sv
        self.en = en
    }

    /// The text in `language`, if present.
    /// `text` in `language` only.
    public init(_ text: String, in language: Language) {
        switch language {
        case .fi: self.init(fi: text)
        case .sv: self.init(sv: text)
        case .en: self.init(en: text)
        }
    }

    public subscript(language: Language) -> String? {
        switch language {
        case .fi: fi
        case .sv: sv
        case .en: en
        }
    }

    /// The text in `language`, or else the first present one of `fallbacks`, with the language
    /// actually used so that a renderer can mark a fallback.
    public func resolved(_ language: Language, fallbacks: [Language] = [.fi, .sv, .en]) -> (text: String, language: Language)? {
        if let text = self[language], !text.isEmpty { return (text, language) }
        for other in fallbacks where other != language {
            if let text = self[other], !text.isEmpty { return (text, other) }
        }
        return nil
    }

    /// True when no language has a non-empty text.
    public var isEmpty: Bool { Language.allCases.allSatisfy { (self[$0] ?? "").isEmpty } }
}
