import Foundation

/// Rules shared by ids that appear in URLs: lowercase ASCII letters, digits
/// and hyphens, starting with a letter or digit.
public enum IdentifierSyntax {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.utf8.count <= 100 else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-"
        }
        return first != "-" && text.unicodeScalars.allSatisfy(allowed)
    }
}

/// A unit's id, e.g. `putuo-emergency-bureau`.
public struct UnitID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: UnitID, rhs: UnitID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A plan's id, the name of its folder, e.g. `putuo-2022`.
public struct PlanID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: PlanID, rhs: PlanID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A chapter's id in a plan's tasks.yaml, e.g. `part-1`.
public struct GroupID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// 序号: a task's number in its plan, `7` or a code such as `2-1`.
/// Numbers sort numerically, codes after them by text.
public struct TaskNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Digits, ASCII letters, `.` and `-`, at most 20 characters, not starting with `.` or `-`;
    /// a number is positive and written without leading zeros (`01` would be a second task 1).
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.utf8.count <= 20, first != ".", first != "-" else { return false }
        if first == "0" && text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return false }
        return text.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "."
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: TaskNumber, rhs: TaskNumber) -> Bool {
        switch (Int(lhs.rawValue), Int(rhs.rawValue)) {
        case let (a?, b?): return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rawValue.compare(rhs.rawValue, options: .numeric) == .orderedAscending
        }
    }
}
