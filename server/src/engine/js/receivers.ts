// Where a receiver's value is written, read from syntax alone: the class members behind `this.x`
// (field initialisers, parameter properties, `this.x = …` in the class), an object literal's
// property, and the declared type of a member (`{ db: SupabaseClient }`, `interface Env { … }`).
// No type checker: a type is followed only through annotations, literals and the file's own
// interface and type alias declarations.

import ts from 'typescript';

/** A place a class member gets its value: an expression, a constructor parameter or a declared type. */
export type MemberSource =
  | { kind: 'value'; expression: ts.Expression }
  | { kind: 'param'; fn: ts.SignatureDeclaration; index: number }
  | { kind: 'type'; type: ts.TypeNode }
  /** A method: `this.getAccount()` yields what it returns. */
  | { kind: 'method'; fn: ts.MethodDeclaration | ts.GetAccessorDeclaration };

/** The class whose instance `this` is at this node (arrow functions see their outer `this`). */
export function classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isClassLike(n)) return n;
    if (ts.isArrowFunction(n)) continue;
    if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) {
      const holder = n.parent;
      if (holder && ts.isClassLike(holder) && !isStatic(n)) return holder;
      return undefined;
    }
    if (ts.isPropertyDeclaration(n) && n.parent && ts.isClassLike(n.parent)) return isStatic(n) ? undefined : n.parent;
  }
  return undefined;
}

function isStatic(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

const PARAMETER_PROPERTY = ts.ModifierFlags.Public | ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Readonly;

/** Every place an instance member of a class gets its value, by member name (`#x` for private names). */
export function classMembers(cls: ts.ClassLikeDeclaration): Map<string, MemberSource[]> {
  const out = new Map<string, MemberSource[]>();
  const add = (name: string, source: MemberSource) => {
    const list = out.get(name);
    if (list) list.push(source);
    else out.set(name, [source]);
  };
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && !isStatic(member) && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
      if (member.initializer) add(member.name.text, { kind: 'value', expression: member.initializer });
      if (member.type) add(member.name.text, { kind: 'type', type: member.type });
    } else if ((ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) && !isStatic(member) && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
      add(member.name.text, { kind: 'method', fn: member });
    } else if (ts.isConstructorDeclaration(member)) {
      member.parameters.forEach((param, index) => {
        if (ts.isIdentifier(param.name) && ts.getCombinedModifierFlags(param) & PARAMETER_PROPERTY) add(param.name.text, { kind: 'param', fn: member, index });
      });
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node) && node !== cls) return;
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.parent !== cls) return; // their own `this`
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      add(node.left.name.text, { kind: 'value', expression: node.right });
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(cls, visit);
  return out;
}

/** The expression an object literal gives a property (`{ db: x }`, `{ db }`, `{ db() {…} }`). */
export function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const prop = object.properties[i];
    if (!prop.name || propertyName(prop.name) !== name) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
    if (ts.isMethodDeclaration(prop)) return prop;
  }
  return undefined;
}

/** An expression without the wrappers that do not change its value (parentheses, `as`, `satisfies`, `!`). */
export function unwrapped(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

/**
 * The declared type of a member of a type: a literal (`{ db: SupabaseClient }`), or one of the file's
 * own interfaces or type aliases, possibly through intersections, unions and `Readonly<…>`.
 */
export function typeMember(type: ts.TypeNode, name: string, file: ts.SourceFile, depth = 0): ts.TypeNode | undefined {
  if (depth > 6) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return typeMember(type.type, name, file, depth + 1);
  if (ts.isTypeLiteralNode(type)) return memberType(type.members, name);
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) {
    for (const part of type.types) {
      const found = typeMember(part, name, file, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isTypeReferenceNode(type)) {
    if (type.typeArguments?.length === 1 && /^(Readonly|Partial|Required)$/.test(type.typeName.getText(file))) {
      return typeMember(type.typeArguments[0], name, file, depth + 1);
    }
    return namedTypeMember(type.typeName.getText(file), name, file, depth);
  }
  return undefined;
}

function namedTypeMember(typeName: string, name: string, file: ts.SourceFile, depth: number): ts.TypeNode | undefined {
  for (const decl of localTypeDeclarations(file).get(typeName) ?? []) {
    const found = ts.isInterfaceDeclaration(decl) ? memberType(decl.members, name) : typeMember(decl.type, name, file, depth + 1);
    if (found) return found;
    if (!ts.isInterfaceDeclaration(decl)) continue;
    for (const heritage of decl.heritageClauses ?? []) for (const base of heritage.types) {
      const inherited = namedTypeMember(base.expression.getText(file), name, file, depth + 1);
      if (inherited) return inherited;
    }
  }
  return undefined;
}

function memberType(members: ts.NodeArray<ts.TypeElement>, name: string): ts.TypeNode | undefined {
  for (const member of members) {
    if (ts.isPropertySignature(member) && member.name && propertyName(member.name) === name && member.type) return member.type;
  }
  return undefined;
}

const typeDeclarations = new WeakMap<ts.SourceFile, Map<string, (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[]>>();

/**
 * The file's interfaces and type aliases by name (qualified inside namespaces: `App.Locals`), at
 * the top level and in `declare global` and namespace blocks.
 */
export function localTypeDeclarations(file: ts.SourceFile): Map<string, (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[]> {
  let found = typeDeclarations.get(file);
  if (found) return found;
  found = new Map();
  const visit = (statements: ts.NodeArray<ts.Statement>, prefix: string, depth: number): void => {
    for (const statement of statements) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        const key = prefix + statement.name.text;
        found!.set(key, [...(found!.get(key) ?? []), statement]);
      } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body) && depth < 3) {
        const global = statement.name.kind === ts.SyntaxKind.Identifier && statement.name.text === 'global';
        visit(statement.body.statements, global || ts.isStringLiteral(statement.name) ? prefix : `${prefix}${statement.name.text}.`, depth + 1);
      }
    }
  };
  visit(file.statements, '', 0);
  typeDeclarations.set(file, found);
  return found;
}

function propertyName(name: ts.PropertyName | ts.MemberName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}
