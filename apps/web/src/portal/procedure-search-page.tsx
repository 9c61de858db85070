import type { SearchHit, SearchResult } from '@motcua/contracts/catalog';
import { type ChangeEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { messageOf } from '../api/client';
import { formatHitFees, formatHitTimes } from '../catalog/catalog-format';
import { catalogLabels, catalogText } from '../i18n/vi/catalog';
import { commonText } from '../i18n/vi/shared-strings';
import { usePageTitle } from '../page-title';
import {
  type FilterKey,
  filterKeys,
  filtersFromParams,
  PAGE_SIZE,
  useProcedureSearch,
  usePublicAgencies,
} from './catalog-queries';
import { ProcedureSearchForm } from './procedure-search-form';

interface FacetOption {
  value: string;
  label: string;
  count: number;
}

function facetGroups(
  facets: SearchResult['facets'],
  agencyName: (id: string) => string,
): { key: FilterKey; legend: string; options: FacetOption[] }[] {
  return [
    {
      key: 'field',
      legend: catalogText.filterField,
      options: facets.fields.map((f) => ({ value: f.value, label: f.name, count: f.count })),
    },
    {
      key: 'level',
      legend: catalogText.filterLevel,
      options: facets.levels.map((f) => ({
        value: f.value,
        label: catalogLabels.levels[f.value],
        count: f.count,
      })),
    },
    {
      key: 'agencyId',
      legend: catalogText.filterAgency,
      options: facets.agencies.map((f) => ({ value: f.value, label: agencyName(f.value), count: f.count })),
    },
    {
      key: 'onlineLevel',
      legend: catalogText.filterOnline,
      options: facets.onlineLevels.map((f) => ({
        value: f.value,
        label: catalogLabels.onlineLevelShort[f.value],
        count: f.count,
      })),
    },
    {
      key: 'fee',
      legend: catalogText.filterFee,
      options: facets.fee.map((f) => ({ value: f.value, label: catalogLabels.fee[f.value], count: f.count })),
    },
  ];
}

function FacetGroup({
  legend,
  options,
  selected,
  onSelect,
}: {
  legend: string;
  options: FacetOption[];
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}) {
  const name = useId();
  // A chosen value the current matches no longer contain stays listed, so it can be unchosen.
  const shown =
    selected && !options.some((o) => o.value === selected)
      ? [...options, { value: selected, label: selected, count: 0 }]
      : options;
  if (shown.length === 0) return null;
  const change = (event: ChangeEvent<HTMLInputElement>) =>
    onSelect(event.target.value === '' ? undefined : event.target.value);
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <label className="facet-option">
        <input type="radio" name={name} value="" checked={!selected} onChange={change} />
        <span>{catalogText.filterAll}</span>
      </label>
      {shown.map((option) => (
        <label key={option.value} className="facet-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={selected === option.value}
            onChange={change}
          />
          <span>{catalogText.withCount(option.label, option.count)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function HitCard({ hit }: { hit: SearchHit }) {
  return (
    <li className="portal-card procedure-hit">
      <h3>
        <Link to={`/portal/procedures/${encodeURIComponent(hit.procedureId)}`}>{hit.name}</Link>
      </h3>
      <dl className="hit-facts">
        <div>
          <dt>{catalogText.field}</dt>
          <dd>{hit.fieldName}</dd>
        </div>
        <div>
          <dt>{catalogText.level}</dt>
          <dd>{hit.levels.map((l) => catalogLabels.levels[l]).join(', ')}</dd>
        </div>
        <div>
          <dt>{catalogText.code}</dt>
          <dd>{hit.nationalCode}</dd>
        </div>
        <div>
          <dt>{catalogText.processingTime}</dt>
          <dd>{formatHitTimes(hit.processingTimes)}</dd>
        </div>
        <div>
          <dt>{catalogText.fees}</dt>
          <dd>{formatHitFees(hit.fees)}</dd>
        </div>
      </dl>
      <p className="hit-badges">
        {hit.onlineLevel && (
          <span className="badge badge-online">{catalogLabels.onlineLevelShort[hit.onlineLevel]}</span>
        )}
        <span className={hit.hasFee ? 'badge' : 'badge badge-free'}>
          {hit.hasFee ? catalogLabels.fee.paid : catalogLabels.fee.free}
        </span>
      </p>
    </li>
  );
}

/** `/portal/procedures?q=…`: the public catalogue search with filters and facet counts. */
export function ProcedureSearchPage() {
  usePageTitle(catalogText.searchTitle);
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const search = useProcedureSearch(filters);
  const activeFilters = filterKeys.filter((k) => filters[k] !== undefined).length;
  const agencyFacetUsed = (search.data?.facets.agencies.length ?? 0) > 0;
  const agencies = usePublicAgencies(agencyFacetUsed);
  const [filtersOpen] = useState(() => typeof window !== 'undefined' && window.innerWidth >= 768);
  const headingId = useId();

  const setFilter = (key: FilterKey, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams();
    if (filters.q) next.set('q', filters.q);
    setParams(next, { replace: true });
  };
  const pageHref = (page: number) => {
    const next = new URLSearchParams(params);
    if (page <= 1) next.delete('page');
    else next.set('page', String(page));
    return `/portal/procedures?${next.toString()}`;
  };

  const data = search.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>{catalogText.searchTitle}</h1>
      <ProcedureSearchForm key={filters.q} initialQuery={filters.q} />
      <div className="catalog-layout">
        <details className="catalog-filters portal-card" open={filtersOpen}>
          <summary>
            <h2>{activeFilters > 0 ? catalogText.filtersActive(activeFilters) : catalogText.filters}</h2>
          </summary>
          {data &&
            facetGroups(data.facets, (id) => agencies.data?.get(id) ?? id).map((group) => (
              <FacetGroup
                key={group.key}
                legend={group.legend}
                options={group.options}
                selected={filters[group.key]}
                onSelect={(value) => setFilter(group.key, value)}
              />
            ))}
          {activeFilters > 0 && (
            <button type="button" className="button" onClick={clearFilters}>
              {catalogText.clearFilters}
            </button>
          )}
        </details>
        <section className="catalog-results" aria-labelledby={headingId} aria-busy={search.isFetching}>
          <h2 id={headingId} className="visually-hidden">
            {catalogText.resultsHeading}
          </h2>
          <div role="status" className="result-count">
            {search.isPending
              ? catalogText.searching
              : data
                ? catalogText.resultCount(data.total, filters.q)
                : ''}
          </div>
          {search.isError && (
            <div className="notice notice-error" role="alert">
              <p>{catalogText.searchFailed}</p>
              <p>{messageOf(search.error)}</p>
              <button type="button" className="button" onClick={() => void search.refetch()}>
                {commonText.retry}
              </button>
            </div>
          )}
          {data && data.synonymsUsed.length > 0 && (
            <div className="notice">
              {data.synonymsUsed.map((s) => (
                <p key={s.term}>{catalogText.synonymsUsed(s.term, s.expandsTo.join('; '))}</p>
              ))}
            </div>
          )}
          {data && data.total === 0 && <p>{catalogText.noResultsHelp}</p>}
          {data && data.hits.length > 0 && (
            <ol className="procedure-hits">
              {data.hits.map((hit) => (
                <HitCard key={hit.procedureId} hit={hit} />
              ))}
            </ol>
          )}
          {data && pages > 1 && (
            <nav className="pagination" aria-label={catalogText.pagination}>
              {filters.page > 1 && (
                <Link className="button" to={pageHref(filters.page - 1)}>
                  {catalogText.previousPage}
                </Link>
              )}
              <span>{catalogText.pageOf(filters.page, pages)}</span>
              {filters.page < pages && (
                <Link className="button" to={pageHref(filters.page + 1)}>
                  {catalogText.nextPage}
                </Link>
              )}
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
