export const useCollection = (name: string) => useState(name, () => [] as string[])
