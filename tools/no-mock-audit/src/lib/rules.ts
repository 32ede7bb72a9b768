import ts from 'typescript';

export type RuleId = 'math-random' | 'faker-import' | 'mock-identifier';

export interface Finding {
  rule: RuleId;
  line: number;
  column: number;
  /** The offending code, e.g. `Math.random` or `mockOrders`. */
  text: string;
}

/** Packages whose only purpose is inventing data. */
const FAKER_PACKAGES = /^(@faker-js\/faker|faker|@ngneat\/falso|chance|casual|json-schema-faker|mockjs|@mswjs\/data|randomstring|dummy-json)(\/.*)?$/;

/** Identifiers that name invented data: mockOrders, FAKE_REVENUE, sampleData, fallbackTotals. */
const MOCK_IDENTIFIER = /mock|fake|sample|fallback|dummy/i;

/** Finds the audit's violations in one source file, reading code only: comments and prose never match. */
export function findViolations(fileName: string, source: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (rule: RuleId, node: ts.Node, text: string) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ rule, line: line + 1, column: character + 1, text });
  };

  const visit = (node: ts.Node): void => {
    if (isMathRandom(node)) report('math-random', node, 'Math.random');
    const specifier = moduleSpecifierOf(node);
    if (specifier && FAKER_PACKAGES.test(specifier)) report('faker-import', node, specifier);
    if (ts.isIdentifier(node) && MOCK_IDENTIFIER.test(node.text) && !isModuleName(node)) {
      report('mock-identifier', node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function isMathRandom(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) {
    return ts.isIdentifier(node.expression) && node.expression.text === 'Math' && node.name.text === 'random';
  }
  if (ts.isElementAccessExpression(node)) {
    return (
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Math' &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === 'random'
    );
  }
  return false;
}

/** `import x from 'm'`, `export * from 'm'`, `require('m')`, `import('m')`. */
function moduleSpecifierOf(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  }
  if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
    const callee = node.expression;
    const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
    if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments[0].text;
  }
  return undefined;
}

/** Identifiers inside `declare module 'x'` names are not data. */
function isModuleName(node: ts.Identifier): boolean {
  return ts.isModuleDeclaration(node.parent) && node.parent.name === node;
}
