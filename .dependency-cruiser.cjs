/** Layering rules from docs/architecture.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports nothing of ours and no I/O: it is pure functions of its inputs.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        pathNot: '^packages/domain/src',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-only-zod',
      comment: 'contracts are schemas shared by server and web: zod and the domain types only.',
      severity: 'error',
      from: { path: '^packages/contracts/src' },
      to: { pathNot: ['^packages/contracts/src', '^packages/domain/src', 'node_modules/zod'] },
    },
    {
      name: 'module-through-service',
      comment:
        'A module reaches another module only through its service (service.ts / *-service.ts), never its store, routes or tables.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/',
        pathNot: ['^apps/server/src/modules/$1/', '^apps/server/src/modules/[^/]+/[^/]*service\\.ts$'],
      },
    },
    {
      name: 'platform-below-modules',
      comment: 'platform adapters are used by modules, never the other way round.',
      severity: 'error',
      from: { path: '^apps/server/src/platform/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^apps/web/src' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
