import type {
  ImportJob,
  ProcedureDetail,
  ProcedureField,
  ProcedureSummary,
  Synonym,
  VersionStatus,
  Workflow,
} from '@motcua/contracts/catalog';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, pathWithQuery } from '../../api/client';

/** Every path of the catalogue's admin API, in one place. */
export const catalogApi = {
  fields: '/api/catalog/fields',
  procedures: '/api/catalog/admin/procedures',
  procedure: (id: string) => `/api/catalog/admin/procedures/${encodeURIComponent(id)}`,
  version: (id: string) => `/api/catalog/admin/versions/${encodeURIComponent(id)}`,
  versionAction: (id: string, action: 'submit' | 'approve' | 'return' | 'announce' | 'publish') =>
    `/api/catalog/admin/versions/${encodeURIComponent(id)}/${action}`,
  procedureAction: (id: string, action: 'amend' | 'abolish') =>
    `/api/catalog/admin/procedures/${encodeURIComponent(id)}/${action}`,
  workflows: (id: string) => `/api/catalog/admin/procedures/${encodeURIComponent(id)}/workflows`,
  workflow: (id: string, agencyId: string) =>
    `/api/catalog/admin/procedures/${encodeURIComponent(id)}/workflows/${encodeURIComponent(agencyId)}`,
  synonyms: '/api/catalog/synonyms',
  synonym: (id: string) => `/api/catalog/synonyms/${encodeURIComponent(id)}`,
  imports: '/api/catalog/admin/imports',
  importJob: (id: string) => `/api/catalog/admin/imports/${encodeURIComponent(id)}`,
  exports: (format: 'json' | 'xlsx', which: 'latest' | 'published') =>
    pathWithQuery('/api/catalog/admin/exports', { format, which }),
};

export const catalogQueryKey = ['catalog-admin'] as const;

export interface ProcedureListFilter {
  q?: string;
  status?: VersionStatus;
  page: number;
  pageSize: number;
}

export function useAdminProcedures(filter: ProcedureListFilter) {
  return useQuery({
    queryKey: [...catalogQueryKey, 'procedures', filter],
    queryFn: () =>
      api.get<{ total: number; procedures: ProcedureSummary[] }>(
        pathWithQuery(catalogApi.procedures, { ...filter }),
      ),
  });
}

export function useProcedureDetail(id: string) {
  return useQuery({
    queryKey: [...catalogQueryKey, 'procedure', id],
    queryFn: () => api.get<ProcedureDetail>(catalogApi.procedure(id)),
  });
}

export function useProcedureFields() {
  return useQuery({
    queryKey: [...catalogQueryKey, 'fields'],
    queryFn: () => api.get<{ fields: ProcedureField[] }>(catalogApi.fields),
    select: (data) => data.fields,
    staleTime: 5 * 60_000,
  });
}

export function useWorkflows(procedureId: string) {
  return useQuery({
    queryKey: [...catalogQueryKey, 'workflows', procedureId],
    queryFn: () => api.get<{ workflows: Workflow[] }>(catalogApi.workflows(procedureId)),
    select: (data) => data.workflows,
  });
}

export function useWorkflowHistory(procedureId: string, agencyId: string | null) {
  return useQuery({
    queryKey: [...catalogQueryKey, 'workflow', procedureId, agencyId],
    queryFn: () =>
      api.get<{ current: Workflow; history: Workflow[] }>(catalogApi.workflow(procedureId, agencyId ?? '')),
    enabled: agencyId !== null,
  });
}

export function useSynonyms() {
  return useQuery({
    queryKey: [...catalogQueryKey, 'synonyms'],
    queryFn: () => api.get<{ synonyms: Synonym[] }>(catalogApi.synonyms),
    select: (data) => data.synonyms,
  });
}

/** Polls an import job until it has finished. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: [...catalogQueryKey, 'import', id],
    queryFn: () => api.get<ImportJob>(catalogApi.importJob(id ?? '')),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 500;
    },
  });
}

/** After any change: lists, details, workflows and the public search may all show something else. */
export function useRefreshCatalog() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: catalogQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['catalog'] }),
    ]);
}
