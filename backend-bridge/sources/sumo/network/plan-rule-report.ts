/**
 * The bridge's plan rules run over the programs a SUMO net brings. Real
 * programs break some of them (yellow under 3 s, no all-red, cycles over
 * 180 s, left turns that yield during a green); they are reported, not
 * refused: SUMO runs them as they are, and an operator sees what would have
 * to change before the panel accepts an edit.
 */
import type { CityMeta } from '../../../protocol';
import { approachBearingsDeg, checkPlanRules, type RuleViolation } from '../../../protocol/signal-rules';
import { checkSignalPlan } from '../../../protocol/signals';
import type { SumoSignalProgram } from './signal-programs';

export interface ProgramRuleReport {
  tlId: string;
  nodeId: string;
  /** Why the plan does not even have a plan's shape (e.g. more than 16 phases), or null. */
  structureError: string | null;
  violations: RuleViolation[];
}

export function checkProgramRules(programs: readonly SumoSignalProgram[], meta: Pick<CityMeta, 'nodes' | 'links'>): ProgramRuleReport[] {
  // approachBearingsDeg scans the whole city per node; a big net has thousands of signals, so hand it each node's own neighbourhood.
  const nodeById = new Map(meta.nodes.map((node) => [node.id, node]));
  const linksInto = new Map<string, CityMeta['links']>();
  for (const link of meta.links) linksInto.set(link.toNodeId, [...(linksInto.get(link.toNodeId) ?? []), link]);
  const neighbourhood = (nodeId: string): Pick<CityMeta, 'nodes' | 'links'> => {
    const links = linksInto.get(nodeId) ?? [];
    const nodes = [nodeId, ...links.map((link) => link.fromNodeId)].flatMap((id) => nodeById.get(id) ?? []);
    return { nodes, links };
  };
  return programs.map((program) => {
    let structureError: string | null = null;
    try {
      checkSignalPlan(program.plan, `tlLogic ${program.tlId}`);
    } catch (error) {
      structureError = (error as Error).message;
    }
    const violations = checkPlanRules(program.plan, program.movements, approachBearingsDeg(neighbourhood(program.plan.nodeId), program.plan.nodeId));
    return { tlId: program.tlId, nodeId: program.plan.nodeId, structureError, violations };
  });
}

/** One line per broken rule, e.g. `yellow-range: 8 of 8 programs (GS_cluster_1, …)`, for the log. */
export function summarizeRuleReports(reports: readonly ProgramRuleReport[]): string[] {
  const byRule = new Map<string, Set<string>>();
  const add = (rule: string, tlId: string) => byRule.set(rule, (byRule.get(rule) ?? new Set()).add(tlId));
  for (const report of reports) {
    if (report.structureError) add('structure', report.tlId);
    for (const violation of report.violations) add(violation.rule, report.tlId);
  }
  return [...byRule].map(([rule, tlIds]) => {
    const shown = [...tlIds].slice(0, 5).join(', ');
    return `${rule}: ${tlIds.size} of ${reports.length} programs (${shown}${tlIds.size > 5 ? ', …' : ''})`;
  });
}
