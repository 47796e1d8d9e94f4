/// A neuron's morphology, as in Brian 2: a tree whose nodes are unbranched sections (a ``Soma``,
/// a ``Section`` of truncated cones or a ``Cylinder``), each made of `n` compartments.
///
/// Build a tree by attaching named children, as Brian's `morpho.dend = Cylinder(...)`:
///
///     let morpho = try Soma(diameter: 30 * um)
///     morpho.dend = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
///     morpho.dend?.distal = try Cylinder(diameter: 0.5 * um, length: 50 * um, n: 5)
///     morpho["axon"] = try Cylinder(diameter: 1 * um, length: 300 * um, n: 30)
///
/// A child is reached by name through the subscript or, where the name is no property of
/// `Morphology` (such as `n`, `area` or `children`), as a member (`morpho.dend`), which gives an
/// optional. As in Brian, a name made only of `L`, `R` and the digits 1–9 and longer than one
/// character walks down the tree: `morpho["RRL"]` is `morpho.R?.R?.L`. Children keep the order in
/// which they were attached: the compartments are numbered depth first in that order (see
/// ``FlatMorphology``). Every child can also be reached by its automatic name `"1"`, `"2"`, ...
/// (numbered from 1 in the order children are attached, as Brian does).
///
/// Foundation has a type of the same name (grammatical inflection): in a file that imports
/// Foundation, write `SwiftBrian.Morphology` or declare `typealias Morphology = SwiftBrian.Morphology`.
///
/// Differences from Brian: a morphology is always a tree. Assigning a name that is already used
/// replaces that child in place (Brian raises an error); assigning `nil` removes it (Brian's
/// `del`); attaching a section that already belongs to another tree, or an ancestor of the
/// target, attaches a copy of that subtree.
@dynamicMemberLookup
public class Morphology {
    /// The section's compartments, with their geometry.
    let shape: SectionShape
    /// The type of the section (`"soma"`, `"axon"`, `"dend"`, `"apic"` from SWC files), or nil.
    public let type: String?
    /// The section this one is attached to; nil for the root.
    public private(set) weak var parent: Morphology?
    /// The children, in the order they were attached.
    public private(set) var children: [Morphology] = []
    /// Every name of each child (by object), in the order they were given.
    private var namesByChild: [ObjectIdentifier: [String]] = [:]
    /// The name each child was attached with (absent for a nameless SWC section).
    private var givenNames: [ObjectIdentifier: String] = [:]
    /// Children by any of their names.
    private var childrenByName: [String: Morphology] = [:]
    /// The last automatic name handed out.
    private var automaticNames = 0

    init(shape: SectionShape, type: String?) {
        self.shape = shape
        self.type = type
    }

    deinit {
        // Release deep trees one level at a time instead of by recursion.
        var pending = children
        children.removeAll()
        childrenByName.removeAll()
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) {
                pending.append(contentsOf: node.children)
                node.children.removeAll()
                node.childrenByName.removeAll()
            }
        }
    }

    /// The number of compartments of this section.
    public var n: Int { shape.count }

    /// The number of compartments in this subtree (this section and all below it).
    public var totalCompartments: Int { subtree.reduce(0) { $0 + $1.n } }

    /// The number of sections in this subtree, this one included.
    public var totalSections: Int { subtree.count }

    /// The name a child was attached with (`"dend"` for `morpho.dend = ...`; for SWC files the
    /// type name), or nil for a child of this section that has none.
    public func name(of child: Morphology) -> String? {
        givenNames[ObjectIdentifier(child)]
    }

    /// Every name under which `child` can be reached from this section, in the order they were
    /// given: its automatic number, the name it was attached with, and any further names (`L`,
    /// `R` for SWC files).
    public func names(of child: Morphology) -> [String] {
        namesByChild[ObjectIdentifier(child)] ?? []
    }

    /// The child named `name`, or the section at the end of an `L`/`R`/digit path such as
    /// `"RRL"`; nil where there is none. Setting attaches a subtree under that name (replacing
    /// a child of that name); setting nil removes the child. Setting through a path sets the
    /// last step's child of the section the rest of the path leads to, and, like optional
    /// chaining, does nothing when that section does not exist.
    public subscript(name: String) -> Morphology? {
        get {
            guard let (section, last) = pathEnd(name) else { return childrenByName[name] }
            return section?.childrenByName[last]
        }
        set {
            guard let (section, last) = pathEnd(name) else {
                if let newValue { attach(newValue, as: name) } else { removeChild(named: name) }
                return
            }
            section?[last] = newValue
        }
    }

    /// For a path name (Brian's rule: longer than one character, only `L`, `R` and 1–9), the
    /// section that all but its last step lead to (nil if missing) and the last step.
    private func pathEnd(_ name: String) -> (Morphology?, String)? {
        guard name.count > 1, name.allSatisfy({ "LR123456789".contains($0) }), let last = name.last else { return nil }
        var section: Morphology? = self
        for step in name.dropLast() { section = section?.childrenByName[String(step)] }
        return (section, String(last))
    }

    /// The child named `name`, as ``subscript(_:)``: `morpho.dend` is `morpho["dend"]`.
    public subscript(dynamicMember name: String) -> Morphology? {
        get { self[name] }
        set { self[name] = newValue }
    }

    /// This section and every section below it, depth first, children in the order attached.
    var subtree: [Morphology] {
        var order: [Morphology] = []
        var pending: [Morphology] = [self]
        while let next = pending.popLast() {
            order.append(next)
            pending.append(contentsOf: next.children.reversed())
        }
        return order
    }

    /// Adds `child` under `name` with Brian's rules for `Children.add`: a new child gets the
    /// next automatic number as well; a child already attached here gets `name` as one more
    /// name. With `automaticName`, a name taken by another child becomes `name2`, `name3`, ...
    func add(_ child: Morphology, name: String?, automaticName: Bool = false) {
        var name = name
        if let base = name, let taken = childrenByName[base], taken !== child, automaticName {
            var counter = 1
            while childrenByName[name ?? base] != nil {
                counter += 1
                name = base + String(counter)
            }
        }
        let id = ObjectIdentifier(child)
        if namesByChild[id] == nil {
            automaticNames += 1
            let automatic = String(automaticNames)
            if let taken = childrenByName[automatic] {
                // The automatic name wins, as in Brian; the other child loses it.
                namesByChild[ObjectIdentifier(taken)]?.removeAll { $0 == automatic }
            }
            children.append(child)
            namesByChild[id] = [automatic]
            childrenByName[automatic] = child
            if let name { givenNames[id] = name }
        }
        if let name, childrenByName[name] == nil {
            childrenByName[name] = child
            namesByChild[id, default: []].append(name)
        }
        child.parent = self
    }

    /// Attaches `child` under `name`, replacing a different child of that name in place.
    private func attach(_ child: Morphology, as name: String) {
        if let existing = childrenByName[name] {
            if existing === child { return }
            let attached = detachedVersion(of: child)
            let oldID = ObjectIdentifier(existing), newID = ObjectIdentifier(attached)
            guard let position = children.firstIndex(where: { $0 === existing }) else { return }
            children[position] = attached
            let names = namesByChild.removeValue(forKey: oldID) ?? []
            for alias in names { childrenByName[alias] = attached }
            namesByChild[newID] = names
            givenNames[newID] = givenNames.removeValue(forKey: oldID)
            existing.parent = nil
            attached.parent = self
        } else if child.parent === self {
            childrenByName[name] = child
            namesByChild[ObjectIdentifier(child), default: []].append(name)
        } else {
            add(detachedVersion(of: child), name: name)
        }
    }

    /// `child` itself when it is free to be attached here; a copy when it belongs to another
    /// tree or is this section or one of its ancestors (which would make a cycle).
    private func detachedVersion(of child: Morphology) -> Morphology {
        var ancestor: Morphology? = self
        while let section = ancestor {
            if section === child { return child.copyTree() }
            ancestor = section.parent
        }
        return child.parent == nil ? child : child.copyTree()
    }

    /// Removes the child named `name` (and all its names); nothing happens when there is none.
    private func removeChild(named name: String) {
        guard let child = childrenByName[name] else { return }
        let id = ObjectIdentifier(child)
        children.removeAll { $0 === child }
        for alias in namesByChild.removeValue(forKey: id) ?? [] { childrenByName.removeValue(forKey: alias) }
        givenNames.removeValue(forKey: id)
        child.parent = nil
    }

    /// A new section with this one's shape and type, without parent or children.
    func copySection() -> Morphology {
        Morphology.make(shape: shape, type: type)
    }

    /// A copy of this subtree, with every child under the same names.
    public func copyTree() -> Morphology {
        let root = copySection()
        var pending: [(original: Morphology, copy: Morphology)] = [(self, root)]
        while let (original, copy) = pending.popLast() {
            for child in original.children {
                let childCopy = child.copySection()
                let names = original.names(of: child).dropFirst()
                copy.add(childCopy, name: original.name(of: child))
                for alias in names where alias != original.name(of: child) { copy.add(childCopy, name: alias) }
                pending.append((child, childCopy))
            }
        }
        return root
    }

    /// A section of the class that fits `shape`: ``Soma``, ``Cylinder`` or ``Section``.
    static func make(shape: SectionShape, type: String?) -> Morphology {
        switch shape {
        case .sphere: return Soma(shape: shape, type: type)
        case .cones(_, _, _, true): return Cylinder(shape: shape, type: type)
        case .cones: return Section(shape: shape, type: type)
        }
    }
}
