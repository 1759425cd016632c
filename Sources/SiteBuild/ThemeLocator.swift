import Foundation
import SiteRender

/// Finds the default theme folder: `--templates`, then `$GEN_SITE_TEMPLATES`,
/// then `Templates/` in the working folder, then beside the executable or in
/// one of its parent folders (the package checkout when run from `.build`).
public enum ThemeLocator {
    public static func defaultTheme(explicit: String?) -> String? {
        if let explicit { return explicit }
        if let env = ProcessInfo.processInfo.environment["GEN_SITE_TEMPLATES"], !env.isEmpty { return env }
        let fm = FileManager.default
        func isTheme(_ path: String) -> Bool { fm.fileExists(atPath: (path as NSString).appendingPathComponent("layout.mustache")) }
        let cwd = (fm.currentDirectoryPath as NSString).appendingPathComponent("Templates")
        if isTheme(cwd) { return cwd }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Templates").path
            if isTheme(candidate) { return candidate }
            let shared = folder.appendingPathComponent("share/gen-site/Templates").path
            if isTheme(shared) { return shared }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The theme folders in override order: the default, then the site's own `templates/`, whose
    /// links are followed only within the content folder and whose files are named in diagnostics
    /// as content is (`templates/home.mustache`, under the content folder as given).
    public static func folders(contentRoot: String, explicit: String?) -> [Theme.Folder]? {
        guard let base = defaultTheme(explicit: explicit) else { return nil }
        let site = (contentRoot as NSString).appendingPathComponent("templates")
        var folders = [Theme.Folder(base)]
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue {
            folders.append(Theme.Folder(path: site, boundary: contentRoot, reportPrefix: "templates/"))
        }
        return folders
    }
}
