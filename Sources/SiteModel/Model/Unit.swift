/// An organisation that appears in a plan (units.yaml).
public struct Unit: Sendable, Hashable {
    /// What kind of body, by the levels and types real plans name: a government of a level
    /// (市, 区/县, 镇/乡, 街道, 村/居委), a department of one (委办局), a party body, a committee,
    /// police and fire, a branch office (所, 站), a public institution (中心), an enterprise.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 党委部门: 区委宣传部, 党群办.
        case party
        /// 委办局: a government department (区应急局, 区建管委, 镇规建办).
        case government
        /// 议事协调机构: 安委会, 专业委员会.
        case committee
        /// 公安: 公安分局, 派出所, 交警.
        case police
        /// 消防救援: 消防救援支队, 消防站.
        case fire
        /// 企业: 镇属公司, 燃气公司.
        case enterprise
        /// 村（居）委会: 村民委员会, 居民委员会, 居民区.
        case village
        /// 集体统称: 各街道、镇, 各成员单位.
        case collective
        /// 市: a city's government (上海市人民政府).
        case city
        /// 区（县）: a district's or county's government (普陀区人民政府).
        case district
        /// 镇（乡）: a town's or township's government (吕巷镇人民政府).
        case town
        /// 街道: a subdistrict office (长寿路街道办事处).
        case subdistrict
        /// 派出机构: a branch office of a department in a town (市场监管所, 司法所, 财政所, 规划所).
        case branch
        /// 事业单位: a public institution (城运中心, 大数据中心, 社区卫生服务中心, 学校).
        case institution
        case other

        /// The other ways content writes a kind: the Chinese words and English synonyms.
        public static let aliases: [String: Kind] = [
            "党委": .party, "党委部门": .party,
            "委办局": .government, "政府部门": .government, "部门": .government, "bureau": .government, "department": .government,
            "议事协调机构": .committee, "委员会": .committee,
            "公安": .police, "消防": .fire, "消防救援": .fire,
            "企业": .enterprise, "公司": .enterprise, "company": .enterprise,
            "村": .village, "居委": .village, "居委会": .village, "村居": .village, "村（居）委会": .village,
            "residents-committee": .village, "community": .village,
            "集体统称": .collective,
            "市": .city, "区": .district, "县": .district, "区县": .district, "区（县）": .district, "county": .district,
            "镇": .town, "乡": .town, "乡镇": .town, "镇（乡）": .town, "township": .town,
            "街道": .subdistrict, "街道办事处": .subdistrict,
            "派出机构": .branch, "所": .branch, "站": .branch,
            "事业单位": .institution, "中心": .institution,
            "其他": .other,
        ]
    }

    public var id: UnitID
    /// The full, unambiguous name.
    public var name: BilingualText
    /// The form plans use, shown in their tables.
    public var short: BilingualText?
    /// Other spellings found in documents; each resolves to this unit.
    public var aliases: [String]
    public var kind: Kind
    /// The district or town it belongs to.
    public var area: BilingualText?
    public var location: SourceLocation

    public init(id: UnitID, name: BilingualText, short: BilingualText? = nil, aliases: [String] = [],
                kind: Kind = .other, area: BilingualText? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.short = short
        self.aliases = aliases
        self.kind = kind
        self.area = area
        self.location = location
    }

    /// The short form when there is one, else the name.
    public var displayName: BilingualText { short ?? name }
}
