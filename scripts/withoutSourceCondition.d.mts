export declare const SOURCE_CONDITION: 'civitas-source'
export declare function withoutSourceCondition<T>(target: T): T
