/// A major hazard under listed supervision (挂牌督办), from hazards.yaml.
public struct Hazard: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        /// 整改中.
        case rectifying
        /// 已销号.
        case closed
    }

    public var id: String
    public var name: BilingualText
    public var location: BilingualText?
    /// 牵头单位.
    public var lead: UnitReference?
    public var cooperating: [UnitReference]
    /// 挂牌日期.
    public var listed: Day
    /// 整改期限.
    public var due: Day?
    public var status: Status
    /// 销号日期.
    public var closed: Day?
    public var description: BilingualText?
    public var sourceLocation: SourceLocation

    public init(id: String, name: BilingualText, listed: Day, status: Status, sourceLocation: SourceLocation) {
        self.id = id
        self.name = name
        self.listed = listed
        self.status = status
        self.cooperating = []
        self.sourceLocation = sourceLocation
    }

    public var isOpen: Bool { status != .closed }

    /// Still open after its due date.
    public func isOverdue(at day: Day) -> Bool {
        guard isOpen, let due else { return false }
        return due < day
    }

    /// Days from listing to closing, or to `day` while still open.
    public func daysOpen(at day: Day) -> Int {
        max(0, (closed ?? day).ordinal - listed.ordinal)
    }
}
