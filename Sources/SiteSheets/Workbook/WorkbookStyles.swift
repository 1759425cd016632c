/// styles.xml: the fonts, fills, borders and number formats behind `CellStyle`,
/// one cellXfs entry per case, in the enum's order.
enum WorkbookStyles {
    /// The `yyyy-mm-dd` format of dates (custom formats start at 164).
    static let dateFormatID = 164

    static var xml: String {
        var xfs: [String] = []
        for style in CellStyle.allCases {
            xfs.append(xf(style))
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="\(dateFormatID)" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
            <fonts count="4">\
            <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><b/><sz val="14"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            <font><sz val="8"/><color rgb="FF808080"/><name val="宋体"/><family val="3"/><charset val="134"/></font>\
            </fonts>\
            <fills count="5">\
            <fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>\
            </fills>\
            <borders count="2">\
            <border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right>\
            <top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border>\
            </borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(xfs.count)">\(xfs.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            <dxfs count="0"/><tableStyles count="0"/>\
            </styleSheet>
            """
    }

    /// One cellXfs entry: font, fill, border, number format, alignment, protection.
    static func xf(_ style: CellStyle) -> String {
        var font = 0, fill = 0, border = 0, format = 0
        var alignment = ""
        switch style {
        case .plain: break
        case .title: font = 2; alignment = #"<alignment vertical="center"/>"#
        case .label: font = 1; alignment = #"<alignment vertical="top"/>"#
        case .header: font = 1; fill = 2; border = 1; alignment = #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#
        case .text: border = 1; alignment = #"<alignment vertical="top" wrapText="1"/>"#
        case .date: border = 1; format = dateFormatID; alignment = #"<alignment horizontal="center" vertical="top"/>"#
        case .number: border = 1; alignment = #"<alignment horizontal="center" vertical="top"/>"#
        case .inputText: border = 1; fill = 3; alignment = #"<alignment vertical="top" wrapText="1"/>"#
        case .inputNumber: border = 1; fill = 3; alignment = #"<alignment horizontal="center" vertical="top"/>"#
        case .inputDate: border = 1; fill = 3; format = dateFormatID; alignment = #"<alignment horizontal="center" vertical="top"/>"#
        case .group: font = 1; fill = 4; border = 1; alignment = #"<alignment vertical="center" wrapText="1"/>"#
        case .paragraph: alignment = #"<alignment vertical="top" wrapText="1"/>"#
        case .key: font = 3; alignment = #"<alignment vertical="top"/>"#
        }
        var attributes = #"numFmtId="\#(format)" fontId="\#(font)" fillId="\#(fill)" borderId="\#(border)" xfId="0""#
        if format != 0 { attributes += #" applyNumberFormat="1""# }
        if font != 0 { attributes += #" applyFont="1""# }
        if fill != 0 { attributes += #" applyFill="1""# }
        if border != 0 { attributes += #" applyBorder="1""# }
        if !alignment.isEmpty { attributes += #" applyAlignment="1""# }
        let protection = style.isUnlocked ? #"<protection locked="0"/>"# : ""
        if !protection.isEmpty { attributes += #" applyProtection="1""# }
        let children = alignment + protection
        return children.isEmpty ? "<xf \(attributes)/>" : "<xf \(attributes)>\(children)</xf>"
    }
}
