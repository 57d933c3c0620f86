// @ts-check
'use strict';

/**
 * Every HTTP route in a Nest controller must say who may call it: `@Public()`,
 * `@RequirePermission(...)` or `@Authenticated()`, on the method or on the class. The global
 * guard already refuses a route that declares nothing (it fails closed); this rule moves that
 * discovery from a 403 in production to a lint error in the editor.
 *
 * Plain CommonJS with JSDoc types so that the root eslint.config.mjs can import it without a build
 * step; `tsc -p tools/eslint-rules` type-checks it.
 */

const { ESLintUtils } = require('@typescript-eslint/utils');

/** @typedef {import('@typescript-eslint/utils').TSESTree.Decorator} Decorator */
/** @typedef {import('@typescript-eslint/utils').TSESTree.ClassDeclaration | import('@typescript-eslint/utils').TSESTree.ClassExpression} ClassNode */
/** @typedef {import('@typescript-eslint/utils').TSESTree.MethodDefinition} MethodNode */
/** @typedef {{ accessDecorators?: string[] }} RuleOptions */

/** Nest's HTTP method decorators, with the verb they map to. */
const ROUTE_DECORATORS = new Map([
  ['Get', 'GET'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Patch', 'PATCH'],
  ['Delete', 'DELETE'],
  ['All', 'ALL'],
  ['Head', 'HEAD'],
  ['Options', 'OPTIONS'],
]);

const DEFAULT_ACCESS_DECORATORS = [
  'Public',
  'RequirePermission',
  'Authenticated',
];

/**
 * `@Name`, `@Name(...)`, `@ns.Name` and `@ns.Name(...)` all count as Name.
 * @param {Decorator} decorator
 * @returns {string | undefined}
 */
function decoratorName(decorator) {
  const expression =
    decorator.expression.type === 'CallExpression'
      ? decorator.expression.callee
      : decorator.expression;
  if (expression.type === 'Identifier') return expression.name;
  if (
    expression.type === 'MemberExpression' &&
    !expression.computed &&
    expression.property.type === 'Identifier'
  ) {
    return expression.property.name;
  }
  return undefined;
}

/**
 * The path a `@Controller('x')`, `@Controller({ path: 'x' })` or `@Get('x')` declares; '' when it
 * declares none, undefined when it is not a literal (a constant, a variable).
 * @param {Decorator} decorator
 * @returns {string | undefined}
 */
function declaredPath(decorator) {
  const expression = decorator.expression;
  if (expression.type !== 'CallExpression') return '';
  const [first] = expression.arguments;
  if (!first) return '';
  if (first.type === 'ObjectExpression') {
    const pathProperty = first.properties.find(
      (property) =>
        property.type === 'Property' &&
        !property.computed &&
        ((property.key.type === 'Identifier' && property.key.name === 'path') ||
          (property.key.type === 'Literal' && property.key.value === 'path')),
    );
    if (!pathProperty) return '';
    return pathProperty.type === 'Property' &&
      pathProperty.value.type !== 'AssignmentPattern'
      ? stringValue(pathProperty.value)
      : undefined;
  }
  return stringValue(first);
}

/**
 * @param {import('@typescript-eslint/utils').TSESTree.Node} node
 * @returns {string | undefined}
 */
function stringValue(node) {
  if (node.type === 'Literal' && typeof node.value === 'string')
    return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * @param {string | undefined} controllerPath
 * @param {string | undefined} routePath
 * @returns {string | undefined}
 */
function joinPaths(controllerPath, routePath) {
  if (controllerPath === undefined || routePath === undefined) return undefined;
  const segments = [controllerPath, routePath]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
  return `/${segments.join('/')}`;
}

module.exports = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require every route of a Nest controller to be @Public(), @Authenticated() or @RequirePermission(...)',
    },
    messages: {
      missingAccess:
        'Route {{route}} is neither @Public() nor permission-checked',
    },
    schema: [
      {
        type: 'object',
        properties: {
          accessDecorators: {
            description:
              'Decorators that declare who may call a route (default: Public, RequirePermission, Authenticated)',
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  /** @type {[RuleOptions]} */
  defaultOptions: [{ accessDecorators: DEFAULT_ACCESS_DECORATORS }],
  create(context, [options]) {
    const accessDecorators = new Set(
      options.accessDecorators ?? DEFAULT_ACCESS_DECORATORS,
    );
    /** @param {Decorator[] | undefined} decorators */
    const declaresAccess = (decorators) =>
      (decorators ?? []).some((decorator) =>
        accessDecorators.has(decoratorName(decorator) ?? ''),
      );

    /** @param {ClassNode} classNode */
    function checkClass(classNode) {
      const controller = (classNode.decorators ?? []).find(
        (decorator) => decoratorName(decorator) === 'Controller',
      );
      if (!controller || declaresAccess(classNode.decorators)) return;
      const className = classNode.id?.name ?? '(anonymous controller)';
      const controllerPath = declaredPath(controller);

      for (const member of classNode.body.body) {
        if (member.type !== 'MethodDefinition' || member.kind !== 'method')
          continue;
        const routeDecorator = (member.decorators ?? []).find((decorator) =>
          ROUTE_DECORATORS.has(decoratorName(decorator) ?? ''),
        );
        if (!routeDecorator || declaresAccess(member.decorators)) continue;
        context.report({
          node: member.key,
          messageId: 'missingAccess',
          data: {
            route: describeRoute(
              className,
              member,
              controllerPath,
              routeDecorator,
            ),
          },
        });
      }
    }

    /**
     * `GET /licenses/:id (LicensesController.findOne)`, or just the method when a path is not a literal.
     * @param {string} className
     * @param {MethodNode} method
     * @param {string | undefined} controllerPath
     * @param {Decorator} routeDecorator
     */
    function describeRoute(className, method, controllerPath, routeDecorator) {
      const methodName =
        !method.computed && method.key.type === 'Identifier'
          ? method.key.name
          : method.key.type === 'PrivateIdentifier'
            ? `#${method.key.name}`
            : context.sourceCode.getText(method.key);
      const handler = `${className}.${methodName}`;
      const path = joinPaths(controllerPath, declaredPath(routeDecorator));
      const verb = ROUTE_DECORATORS.get(decoratorName(routeDecorator) ?? '');
      return path === undefined ? handler : `${verb} ${path} (${handler})`;
    }

    return {
      ClassDeclaration: checkClass,
      ClassExpression: checkClass,
    };
  },
});
